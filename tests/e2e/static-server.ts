/**
 * A static host for one test, serving a build the way `npm run serve` does (`/settings` is
 * `settings.html`, unknown paths get `200.html`), whose directory can be swapped to "deploy" another
 * version. Nothing is cached, so the next request sees the new files at once.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp'
};

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false
  );

export interface StaticServer {
  url: string;
  /** Serves another directory from the next request on. */
  deploy(root: string): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  let current = root;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      ''
    );
    const dir = current;
    const candidates = [join(dir, path), join(dir, `${path}.html`), join(dir, path, 'index.html')];
    let file = join(dir, '200.html');
    for (const c of candidates)
      if (c.startsWith(dir) && (await isFile(c))) {
        file = c;
        break;
      }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache'
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    deploy: (next) => (current = next),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

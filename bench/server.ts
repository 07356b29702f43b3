/**
 * Serves the production build as a static host would (`sirv --single 200.html`, like `npm run serve`,
 * plus gzip, which every real host adds), and the benchmark harness under /__bench/, which is not in
 * build/ and so never in the service worker's precache.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg)/;

/** Wraps `res` so a compressible body is sent gzipped when the client accepts it. */
function gzipping(req: IncomingMessage, res: ServerResponse): ServerResponse {
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return res;
  const chunks: Buffer[] = [];
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  let status = 200;
  let headers: Record<string, string | number | string[]> = {};
  res.writeHead = ((code: number, h?: Record<string, string | number | string[]>) => {
    status = code;
    headers = { ...h };
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown) => {
    if (chunk) chunks.push(Buffer.from(chunk as Buffer));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
    let body = Buffer.concat(chunks);
    const header = (name: string) => Object.keys(headers).find((k) => k.toLowerCase() === name);
    const typeKey = header('content-type');
    const type = String((typeKey ? headers[typeKey] : res.getHeader('content-type')) ?? '');
    if (COMPRESSIBLE.test(type) && body.length > 512 && req.method !== 'HEAD') {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    const lengthKey = header('content-length');
    if (lengthKey) delete headers[lengthKey];
    if (req.method !== 'HEAD' && status !== 304) headers['Content-Length'] = body.length;
    writeHead(status, headers);
    return end(body.length ? body : undefined);
  }) as typeof res.end;
  return res;
}

export interface BenchServer {
  base: string;
  close: () => Promise<void>;
}

export async function startServer(buildDir: string, harnessDir: string, port: number): Promise<BenchServer> {
  const app = sirv(buildDir, { single: '200.html', etag: true });
  const harness = sirv(harnessDir, { dev: true });
  const server: Server = createServer((req, res) => {
    const out = gzipping(req, res);
    if (req.url?.startsWith('/__bench/')) {
      req.url = req.url.slice('/__bench'.length);
      harness(req, out, () => {
        out.statusCode = 404;
        out.end('not found');
      });
    } else app(req, out);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    base: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}

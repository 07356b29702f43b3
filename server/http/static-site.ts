/**
 * Serves the built app as `sirv build --single 200.html` does (`npm run serve`): sirv itself looks the
 * file up (`/settings` is `settings.html`, an unknown path without an extension gets `200.html`, a
 * missing file with one a 404), with the brotli and gzip files `npm run build` writes beside each file
 * picked by Accept-Encoding. On top: cache headers and, for each page, its own Content-Security-Policy
 * as a header (the policy of the page's meta tag plus `frame-ancestors 'none'`, which a meta tag cannot
 * carry). Which file sirv chose is recognised by its inode, learnt from one walk of the build at start.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

interface FileHeaders {
  immutable: boolean;
  csp?: string;
}

const key = (s: Stats) => `${s.dev}:${s.ino}`;

/** The policy of a page's `<meta http-equiv="content-security-policy">`, or null. */
export function metaPolicy(html: string): string | null {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!meta) return null;
  return meta[1]
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim()
    .replace(/;+$/, '');
}

/** The header for a page: its meta policy and `frame-ancestors 'none'`. */
export const headerPolicy = (policy: string) => `${policy}; frame-ancestors 'none'`;

function walk(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, notFound: () => void) => void;

export function staticSite(buildDir: string): StaticHandler {
  const byFile = new Map<string, FileHeaders>();
  const immutableDir = join(buildDir, '_app', 'immutable');
  for (const path of walk(buildDir)) {
    const source = path.replace(/\.(br|gz)$/, '');
    const html = source.endsWith('.html');
    const policy = html && existsSync(source) ? metaPolicy(readFileSync(source, 'utf8')) : null;
    byFile.set(key(statSync(path)), {
      immutable: !html && source.startsWith(immutableDir),
      csp: policy ? headerPolicy(policy) : undefined
    });
  }
  const serve = sirv(buildDir, {
    single: '200.html',
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders(res, _pathname, stats) {
      const file = byFile.get(key(stats));
      res.setHeader('Cache-Control', file?.immutable ? IMMUTABLE : REVALIDATE);
      if (file?.csp) res.setHeader('Content-Security-Policy', file.csp);
    }
  });
  return (req, res, notFound) => serve(req, res, notFound);
}

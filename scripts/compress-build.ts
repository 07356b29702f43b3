/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build that shrinks by
 * it, once at build time, so the server sends compressed files without compressing per request
 * (`npm run build` runs this after vite). Static hosts that know these files (nginx gzip_static,
 * sirv --brotli --gzip) can use them too; any other host ignores them.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|webmanifest|txt|xml|map|ico)$/;
/** Below this a response fits in a packet or two either way. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export interface Compressed {
  files: number;
  bytes: number;
  br: number;
  gz: number;
}

export async function compressBuild(dir: string): Promise<Compressed> {
  const out: Compressed = { files: 0, bytes: 0, br: 0, gz: 0 };
  const todo = files(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_BYTES);
  // zlib runs on libuv's thread pool: a few at a time keeps every core busy without a queue of buffers.
  const queue = [...todo];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const data = readFileSync(file);
      const [b, g] = await Promise.all([
        brotli(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
          }
        }),
        gz(data, { level: constants.Z_BEST_COMPRESSION })
      ]);
      out.files++;
      out.bytes += data.length;
      // A copy that does not save at least 5% costs a decompression for nothing.
      if (b.length < data.length * 0.95) {
        writeFileSync(`${file}.br`, b);
        out.br += b.length;
      }
      if (g.length < data.length * 0.95) {
        writeFileSync(`${file}.gz`, g);
        out.gz += g.length;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}

if (process.argv[1] && relative(process.cwd(), process.argv[1]).replace(/\\/g, '/') === 'scripts/compress-build.ts') {
  const dir = process.argv[2] ?? 'build';
  const t0 = Date.now();
  const r = await compressBuild(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `compressed ${r.files} files in ${dir}/ (${kb(r.bytes)}): brotli ${kb(r.br)}, gzip ${kb(r.gz)}, in ${Date.now() - t0} ms`
  );
}

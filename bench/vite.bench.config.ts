/**
 * The production build as `vite.config.ts` makes it, plus source maps that no file refers to
 * ('hidden'), so the benchmark can tell which package each byte of a chunk came from. `bench/run.ts`
 * moves the maps out of build/ before serving it. (Two builds are not byte-identical, even from the
 * same sources, so the maps must come from the very build that is measured.)
 */
import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config';

export default mergeConfig(base, defineConfig({ build: { sourcemap: 'hidden' } }));

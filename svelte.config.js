import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // 200.html is the app shell for URLs unknown at build time (decks imported later); the service
    // worker serves it for every such navigation, online or offline.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
    // The service worker comes from @vite-pwa/sveltekit (generateSW); SvelteKit's own must not exist.
    serviceWorker: { register: false },
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    // Every stylesheet is small: inline them in each page's <head> (CSP allows inline styles) so no
    // request blocks the first paint. Client-side navigation still loads them as files.
    inlineStyleThreshold: 8192,
    // Prerendered pages carry the policy in a <meta> tag, with hashes of SvelteKit's inline scripts.
    // Styles allow inline attributes (progress bars, chart sizes); scripts never run inline code
    // without a hash, nor eval. `blob:` is only for images and sounds of imported decks, shown from
    // IndexedDB as object URLs. SQLite in WebAssembly (importing Anki packages) runs in the import
    // worker, whose policy comes from its own response, so no page allows compiling WebAssembly.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'https:', 'data:', 'blob:'],
        'media-src': ['self', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-src': ['none']
      }
    }
  }
};

export default config;

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
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
  }
};

export default config;

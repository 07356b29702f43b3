import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rolldownOptions: {
      treeshake: {
        // Modules under src/lib are imported for what they export, never for what importing them does
        // (domain code is pure, STYLE.md 1), so a page gets only the modules it uses, not everything a
        // barrel index re-exports. Stylesheets and Svelte's component styles keep their side effects.
        moduleSideEffects: [
          { test: /\.css$/, sideEffects: true },
          { test: /\/src\/lib\//, sideEffects: false },
          { test: /\/node_modules\/ts-fsrs\//, sideEffects: false }
        ]
      }
    }
  },
  // Module workers, so the import worker loads the Anki package reader (and SQLite in WebAssembly)
  // only when a package is chosen.
  worker: { format: 'es' },
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      // Never reload by itself: a learner mid-session chooses when (see UpdateBanner).
      registerType: 'prompt',
      injectRegister: false,
      // SvelteKit builds with relative asset paths; the service worker must still live at the root.
      base: '/',
      scope: '/',
      manifest: {
        name: 'Factdeck',
        short_name: 'Factdeck',
        description: 'Offline flashcards and quizzes with spaced repetition. Every card cited.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
        ]
      },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,webmanifest,json}',
          // Images and sounds of the decks in content/ (scripts/deck-media.ts).
          'client/media/*',
          'prerendered/**/*.html'
        ],
        // JSON Schema for editors is not needed by the app.
        globIgnores: ['client/decks/deck.schema.json'],
        navigateFallback: '/200.html',
        // The sync API is the server's, never the app shell's, even for a navigation.
        navigateFallbackDenylist: [/^\/api\//],
        // SQLite in WebAssembly (688 KB) is only for importing Anki packages: kept once first used, so
        // a second import works offline, and never downloaded by those who do not import one.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'factdeck-wasm', expiration: { maxEntries: 4 } }
          }
        ],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so airplane mode works without a reload.
        clientsClaim: true
      },
      kit: {
        trailingSlash: 'never',
        adapterFallback: '200.html',
        spa: true
      }
    })
  ]
});

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
        id: '/',
        name: 'Factdeck',
        short_name: 'Factdeck',
        description: 'Offline flashcards and quizzes with spaced repetition. Every card cited.',
        lang: 'en',
        dir: 'ltr',
        categories: ['education'],
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        // An open window takes the next launch (a shortcut, a file) rather than a second one.
        launch_handler: { client_mode: ['navigate-existing', 'auto'] },
        shortcuts: [
          {
            name: 'Study what is due',
            short_name: 'Study',
            url: '/study',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }]
          },
          {
            name: 'Import',
            short_name: 'Import',
            url: '/import',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }]
          },
          {
            name: 'Stats',
            short_name: 'Stats',
            url: '/stats',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }]
          }
        ],
        // Taken from the real app by tools/screenshots.ts.
        screenshots: [
          {
            src: '/screenshots/phone-study.png',
            sizes: '780x1688',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Studying a card: the answer, its citation and the four grades'
          },
          {
            src: '/screenshots/phone-home.png',
            sizes: '780x1688',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Every deck with what is due today'
          },
          {
            src: '/screenshots/wide-stats.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Statistics: forecast, retention and the year of study'
          }
        ],
        // Opening a deck file with the installed app lands in the import preview (launchQueue).
        file_handlers: [
          {
            action: '/import',
            accept: {
              'application/yaml': ['.yaml', '.yml'],
              'application/json': ['.json'],
              'text/csv': ['.csv'],
              'text/tab-separated-values': ['.tsv', '.tab'],
              'text/plain': ['.txt'],
              'application/zip': ['.apkg', '.colpkg']
            }
          }
        ],
        // A file or text shared to the app: the service worker takes the POST (static/share-target.js).
        share_target: {
          action: '/import/share',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            url: 'url',
            files: [
              {
                name: 'file',
                accept: [
                  '.yaml',
                  '.yml',
                  '.json',
                  '.csv',
                  '.tsv',
                  '.txt',
                  '.apkg',
                  '.colpkg',
                  'text/*',
                  'application/json',
                  'application/yaml',
                  'application/zip',
                  'application/octet-stream'
                ]
              }
            ]
          }
        },
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
        ]
      },
      workbox: {
        // The share target's POST handler (a plain script beside the precached files).
        importScripts: ['/share-target.js'],
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,webmanifest,json}',
          // Images and sounds of the decks in content/ (scripts/deck-media.ts).
          'client/media/*',
          'prerendered/**/*.html'
        ],
        // JSON Schema for editors is not needed by the app.
        globIgnores: ['client/decks/deck.schema.json', 'client/screenshots/**', 'client/share-target.js'],
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

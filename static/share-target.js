// Imported by the generated service worker (vite.config.ts, workbox.importScripts): receives what the
// system share sheet sends to the manifest's share_target (a POST to /import/share) and opens the
// import preview with it, offline too. A shared Factdeck link opens as itself; a file or text waits in
// a cache the import page reads once (src/lib/state/incoming-files.ts uses the same names).
const SHARED_CACHE = 'factdeck-shared';
const SHARED_FILE_KEY = '/import/shared-file';
const MAX_SHARED_BYTES = 200 * 1024 * 1024;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== '/import/share')
    return;
  event.respondWith(receiveShare(event.request));
});

async function receiveShare(request) {
  const open = (hash) => Response.redirect(new URL(`/import${hash}`, self.location.origin).href, 303);
  const cache = await caches.open(SHARED_CACHE);
  await cache.delete(SHARED_FILE_KEY);
  try {
    const form = await request.formData();
    const said = ['url', 'text', 'title'].map((k) => form.get(k)).filter((v) => typeof v === 'string' && v.trim());
    for (const value of said) {
      const link = /https?:\/\/\S+#(?:\S*&)?deck=[A-Za-z0-9_=-]+/.exec(value);
      if (link) return open(new URL(link[0]).hash);
    }
    const file = form.getAll('file').find((f) => f instanceof File && f.size > 0);
    if (file && file.size <= MAX_SHARED_BYTES) {
      const headers = {
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name)
      };
      await cache.put(SHARED_FILE_KEY, new Response(file, { headers }));
    } else if (!file && said.length) {
      const text = form.get('text') || form.get('url') || form.get('title');
      const headers = { 'content-type': 'text/plain', 'x-file-name': 'shared.txt' };
      await cache.put(SHARED_FILE_KEY, new Response(text, { headers }));
    }
  } catch {
    // Nothing kept: the import page says the share did not arrive.
  }
  return open('#shared');
}

// Applies the learner's chosen theme before the first paint, so a dark-theme user never sees a
// white flash. Settings writes the choice to localStorage as well as IndexedDB.
try {
  var theme = localStorage.getItem('factdeck-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  /* storage blocked: follow the system theme */
}

// The browser may offer to install the app before the app has started: keep the offer for its
// "Install app" button (src/lib/state/app-install.svelte.ts) instead of showing the browser's own.
window.addEventListener('beforeinstallprompt', function (e) {
  e.preventDefault();
  window.factdeckInstallPrompt = e;
});

// Applies the learner's chosen theme before the first paint, so a dark-theme user never sees a
// white flash. Settings writes the choice to localStorage as well as IndexedDB.
try {
  var theme = localStorage.getItem('factdeck-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  /* storage blocked: follow the system theme */
}

// The system's light or dark setting, kept up to date, for the one dark palette rule of app.css.
var systemDark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)');
if (systemDark) {
  var followSystem = function () {
    document.documentElement.dataset.system = systemDark.matches ? 'dark' : 'light';
  };
  followSystem();
  // Safari before 14 has only the older addListener.
  if (systemDark.addEventListener) systemDark.addEventListener('change', followSystem);
  else systemDark.addListener(followSystem);
}

// The browser may offer to install the app before the app has started: keep the offer for its
// "Install app" button (src/lib/state/app-install.svelte.ts) instead of showing the browser's own.
window.addEventListener('beforeinstallprompt', function (e) {
  e.preventDefault();
  window.factdeckInstallPrompt = e;
});

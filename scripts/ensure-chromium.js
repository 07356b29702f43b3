// Makes sure Debian's Chromium is there for the browser tests: installs it when this is root with
// apt, otherwise stops and says exactly what to install. No browser is ever downloaded by npm.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(path)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    console.error(
      `The browser tests need Chromium at ${path}, and it is not there.\n` +
        (hasApt
          ? "Install Debian's package: sudo apt-get update && sudo apt-get install -y chromium\n"
          : "Install Chromium with your system's package manager (Debian/Ubuntu: apt-get install -y chromium)\n") +
        'or point CHROMIUM_PATH at an existing Chromium binary.'
    );
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium package (about 30 s)…");
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  });
  if (!existsSync(path)) {
    console.error(`apt-get installed chromium, but ${path} still does not exist.`);
    process.exit(1);
  }
}
console.log(`Chromium: ${path}`);

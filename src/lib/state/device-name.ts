/** A name for this device in the list of linked devices, from its browser and system. */
import * as t from '$lib/text';

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari']
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux']
];

export function guessDeviceName(userAgent = navigator.userAgent): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? t.sync.browser;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? '';
  return t.sync.deviceName(browser, system);
}

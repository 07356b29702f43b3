import { describe, expect, test } from 'vitest';
import { needsIosInstallNote } from './ios-install';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

describe('needsIosInstallNote', () => {
  test('an iPhone in the browser gets the note; installed (standalone), it does not', () => {
    expect(needsIosInstallNote(IPHONE, 5, false)).toBe(true);
    expect(needsIosInstallNote(IPHONE, 5, true)).toBe(false);
  });

  test('an iPad that says it is a Mac is told by its touch screen', () => {
    expect(needsIosInstallNote(IPAD_AS_MAC, 5, false)).toBe(true);
    expect(needsIosInstallNote(IPAD_AS_MAC, 0, false)).toBe(false);
  });

  test('Android and desktop browsers have their own install prompt', () => {
    expect(needsIosInstallNote(ANDROID, 5, false)).toBe(false);
  });
});

import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settings';

test('bury siblings is on by default and kept when stored as a boolean', () => {
  expect(DEFAULT_SETTINGS.burySiblings).toBe(true);
  expect(sanitizeSettings({}).burySiblings).toBe(true);
  expect(sanitizeSettings({ burySiblings: false }).burySiblings).toBe(false);
  expect(sanitizeSettings({ burySiblings: 'no' }).burySiblings).toBe(true);
  expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
});

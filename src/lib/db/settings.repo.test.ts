import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain';
import { db } from './factdeck-db';
import { loadSettings, saveSettings, updateSettings } from './settings.repo';

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

test('updateSettings changes the fields it is given and keeps the rest as stored', async () => {
  await saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85, limits: { newPerDay: 5, reviewsPerDay: 50 } });
  const next = await updateSettings({ theme: 'dark', swipeGrading: false });
  expect(next).toEqual(await loadSettings());
  expect(next).toMatchObject({
    desiredRetention: 0.85,
    limits: { newPerDay: 5, reviewsPerDay: 50 },
    theme: 'dark',
    swipeGrading: false
  });
});

test('a value out of range is replaced by its default, as when loading', async () => {
  const next = await updateSettings({ theme: 'purple' as never });
  expect(next.theme).toBe('system');
});

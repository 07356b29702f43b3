import { describe, expect, it } from 'vitest';
import type { PackageProblem, PackageWarning } from '$lib/domain/import/anki-package';
import { ankiPackage } from './anki-package';

const problems: PackageProblem[] = [
  { code: 'package-too-large', bytes: 250 * 1024 * 1024, limit: 200 * 1024 * 1024 },
  { code: 'unpacks-too-large', limit: 1024 * 1024 * 1024 },
  { code: 'collection-too-large', bytes: 300 * 1024 * 1024, limit: 256 * 1024 * 1024 },
  { code: 'damaged-zip', detail: 'invalid zip data' },
  { code: 'no-collection', files: ['notes.txt'] },
  { code: 'package-too-new', version: 4 },
  { code: 'unknown-schema', version: 19, file: 'collection.anki21b' },
  { code: 'damaged-collection', file: 'collection.anki21', detail: 'file is not a database' },
  { code: 'damaged-media-list', detail: 'not a JSON object' },
  { code: 'media-file-missing', name: 'a.png', member: '3' },
  { code: 'media-mismatch', name: 'a.png', field: 'sha1', expected: 'aa', actual: 'bb' },
  { code: 'damaged-media', name: 'a.png', detail: 'zstd: invalid data' },
  { code: 'no-cards', notes: 2 },
  { code: 'too-many-cards', deck: 'Big', cards: 60_000, limit: 50_000 },
  { code: 'unexpected', detail: 'oops' }
];
const warnings: PackageWarning[] = [
  { code: 'first-two-fields', noteType: 'Vocab', notes: 3, front: 'Word', back: 'Meaning' },
  { code: 'image-occlusion-skipped', noteType: 'Image Occlusion', notes: 1 },
  { code: 'too-few-fields-skipped', noteType: 'One', notes: 2 },
  { code: 'empty-notes-skipped', notes: 1, example: 'lonely' },
  { code: 'long-notes-skipped', notes: 1, limit: 10_000, example: 'long' },
  { code: 'cloze-unreadable-skipped', notes: 1, example: 'x' },
  { code: 'cloze-grouped', notes: 2 },
  { code: 'cloze-nested', notes: 1 },
  { code: 'fields-left-out', noteType: 'Vocab', fields: ['Example'] },
  { code: 'formatting-dropped', notes: 4 },
  { code: 'media-missing', names: ['a.png', 'b.png'], count: 7 },
  { code: 'media-unsupported', names: ['a.pdf'], count: 1 },
  { code: 'history-skipped', manual: 2, cramming: 0, beforeReset: 1, otherCards: 0 }
];

describe('words for Anki package problems and warnings', () => {
  it.each(problems.map((p) => [p.code, p] as const))('%s', (_, p) => {
    const words = ankiPackage.problem(p);
    expect(words).not.toMatch(/undefined|NaN|\[object/);
    // Every value a person can act on is named (not the zip member, nor which check failed).
    const named = Object.entries(p).filter(
      ([k, v]) => typeof v === 'string' && !['code', 'member', 'field'].includes(k)
    );
    for (const [, value] of named) expect(words).toContain(value);
  });

  it.each(warnings.map((w) => [w.code, w] as const))('%s', (_, w) => {
    expect(ankiPackage.warning(w)).not.toMatch(/undefined|NaN|\[object|false/);
  });

  it('says sizes in MB and counts in words', () => {
    expect(ankiPackage.problem(problems[0])).toContain('250 MB; the limit is 200 MB');
    expect(ankiPackage.warning(warnings[10])).toBe(
      '7 media files the cards show are not in the package: “a.png”, “b.png” and 5 more. Those cards show the text around them.'
    );
    expect(ankiPackage.warning(warnings[12])).toBe(
      'Left out of the review history: 2 manual changes (set due date, reschedule, reset); 1 answer given before the card was reset.'
    );
  });
});

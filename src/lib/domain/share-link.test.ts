import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_SHARE_BYTES, readSharedPayload, shareFragment, sharedPayload } from './share-link';

async function roundTrip(text: string) {
  const made = await shareFragment(text);
  if (!made.ok) throw new Error(made.problem.code);
  const payload = sharedPayload(`#${made.value}`);
  expect(payload).not.toBeNull();
  return readSharedPayload(payload!);
}

describe('share link', () => {
  test('any deck text comes back exactly as it went in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2000 }), async (text) => {
        fc.pre(text.trim().length > 0);
        expect(await roundTrip(text)).toEqual({ ok: true, value: text });
      }),
      { numRuns: 60 }
    );
  });

  test('a deck that compresses past the limit is refused, naming its size', async () => {
    // Random text barely compresses.
    const words = Array.from({ length: 12_000 }, (_, i) => ((i * 2654435761) % 1e9).toString(36)).join(' ');
    const made = await shareFragment(words);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.problem).toMatchObject({ code: 'share-too-large', limit: MAX_SHARE_BYTES });
  });

  test('a hash without a deck is not a shared link', () => {
    expect(sharedPayload('')).toBeNull();
    expect(sharedPayload('#backup')).toBeNull();
  });

  test('damaged, foreign and empty payloads give their own problem', async () => {
    expect(await readSharedPayload('')).toEqual({ ok: false, problem: { code: 'share-link-empty' } });
    expect(await readSharedPayload('not base64 at all!')).toEqual({
      ok: false,
      problem: { code: 'share-link-not-encoded' }
    });
    expect(await readSharedPayload('AAAAAAAAAA')).toEqual({ ok: false, problem: { code: 'share-link-damaged' } });
    const made = await shareFragment('id: x\ntitle: A deck\n');
    if (!made.ok) throw new Error('expected a link');
    const cut = made.value.slice('deck='.length, -4);
    expect((await readSharedPayload(cut)).ok).toBe(false);
  });

  test('a payload longer than any link this app makes is refused before unpacking', async () => {
    const result = await readSharedPayload('A'.repeat(MAX_SHARE_BYTES * 2));
    expect(result).toMatchObject({ ok: false, problem: { code: 'share-too-large' } });
  });

  test('a small payload that unpacks to more than the import limit is refused while unpacking', async () => {
    const stream = new Blob([new Uint8Array(11 * 1024 * 1024)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(packed.byteLength).toBeLessThan(MAX_SHARE_BYTES);
    const b64 = Buffer.from(packed).toString('base64url');
    expect(await readSharedPayload(b64)).toMatchObject({
      ok: false,
      problem: { code: 'share-link-unpacks-too-large' }
    });
  });
});

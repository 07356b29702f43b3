import { createHash } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { sha256, sha256Hex } from './sha256';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  test('the pure implementation agrees with Node at every padding boundary', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(bytes))).toBe(node(bytes));
    }
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
  });

  test('without Web Crypto (plain http), the fallback gives the same hex', async () => {
    const bytes = new TextEncoder().encode('Factdeck ✓ backup');
    const withSubtle = await sha256Hex(bytes);
    vi.stubGlobal('crypto', {});
    try {
      expect(await sha256Hex(bytes)).toBe(withSubtle);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(withSubtle).toBe(node(bytes));
  });
});

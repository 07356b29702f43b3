import { describe, expect, test } from 'vitest';
import { markRecord, removalRecord } from './local-records';
import { MemorySyncServer, PushRefused } from './memory-server';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const stamp = (at: number, device = 'a') => ({ device, at, newId: () => `r-${at}` });

describe('the in-memory server the device tests sync with', () => {
  test('a push is idempotent: the same or an older version is acknowledged and not stored again', () => {
    const server = new MemorySyncServer();
    const v1 = markRecord('d', 'x', true, stamp(T0));
    const v2 = markRecord('d', 'x', false, stamp(T0 + 1));
    expect(server.push('a', [v1], T0)).toEqual({ stored: 1, cursor: 1 });
    expect(server.push('a', [v1], T0)).toEqual({ stored: 0, cursor: 1 });
    expect(server.push('a', [v2, v1], T0)).toEqual({ stored: 1, cursor: 2 });
    const removal = removalRecord({ type: 'all' }, stamp(T0 + 2));
    server.push('a', [removal, removal], T0);
    expect(server.records()).toEqual([v2, removal]);
  });

  test('a pull returns records above the cursor in seq order, a page at a time, each key at its newest version', () => {
    const server = new MemorySyncServer();
    const marks = ['x', 'y', 'z'].map((id, i) => markRecord('d', id, true, stamp(T0 + i)));
    server.push('a', marks, T0);
    expect(server.pull(0, 2)).toEqual({ records: marks.slice(0, 2), cursor: 2, more: true });
    expect(server.pull(2, 2)).toEqual({ records: marks.slice(2), cursor: 3, more: false });
    const newer = markRecord('d', 'x', false, stamp(T0 + 5, 'b'));
    server.push('b', [newer], T0);
    expect(server.pull(3, 10)).toEqual({ records: [newer], cursor: 4, more: false });
    expect(server.pull(0, 10).records).toEqual([marks[1], marks[2], newer]);
  });

  test('refuses, storing nothing, a push with a record of another device or from too far in the future', () => {
    const server = new MemorySyncServer();
    const ok = markRecord('d', 'x', true, stamp(T0));
    expect(() => server.push('a', [ok, markRecord('d', 'y', true, stamp(T0, 'b'))], T0)).toThrow(PushRefused);
    expect(() => server.push('a', [ok, markRecord('d', 'y', true, stamp(T0 + 6 * 60_000))], T0)).toThrow(PushRefused);
    expect(server.seq).toBe(0);
    expect(server.records()).toEqual([]);
  });
});

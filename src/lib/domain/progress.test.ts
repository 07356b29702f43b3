import { expect, test } from 'vitest';
import { State as FsrsState } from 'ts-fsrs';
import { State } from './progress';

test('State has exactly the numbers of ts-fsrs State, which stored rows and the scheduler use', () => {
  const names = Object.keys(FsrsState).filter((k) => Number.isNaN(Number(k)));
  expect(Object.keys(State).sort()).toEqual(names.sort());
  for (const name of names) expect(State[name as keyof typeof State]).toBe(FsrsState[name as keyof typeof FsrsState]);
});

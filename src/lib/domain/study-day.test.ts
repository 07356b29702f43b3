import { describe, expect, test } from 'vitest';
import {
  studyDayCounter,
  studyDayKey,
  studyDayLabel,
  studyDayNumber,
  studyDayStart,
  type UtcOffset
} from './study-day';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const fixed =
  (minutes: number): UtcOffset =>
  () =>
    minutes;
const UTC_MINUS_5 = { utcOffset: fixed(-300) };
const UTC_PLUS_9 = { utcOffset: fixed(540) };
const UTC_0 = { utcOffset: fixed(0) };

// New York in 2026: EST (UTC-5) until 2 a.m. on 8 March, EDT (UTC-4) until 2 a.m. EDT on 1 November.
const EDT_FROM = Date.UTC(2026, 2, 8, 7);
const EDT_UNTIL = Date.UTC(2026, 10, 1, 6);
const NEW_YORK = { utcOffset: (ms: number) => (ms >= EDT_FROM && ms < EDT_UNTIL ? -240 : -300) };

describe('studyDayKey', () => {
  test('the same instant falls on different study days in different zones', () => {
    // 02:00Z on 3 March: 21:00 on 2 March in UTC-5, 02:00 (before 4 a.m.) in UTC, 11:00 on 3 March in UTC+9.
    expect(studyDayKey(utc('2026-03-03T02:00'), UTC_MINUS_5)).toBe('2026-03-02');
    expect(studyDayKey(utc('2026-03-03T02:00'), UTC_0)).toBe('2026-03-02');
    expect(studyDayKey(utc('2026-03-03T02:00'), UTC_PLUS_9)).toBe('2026-03-03');
    // 19:30Z on 2 March is 04:30 on 3 March in UTC+9: just past that zone's rollover.
    expect(studyDayKey(utc('2026-03-02T19:30'), UTC_PLUS_9)).toBe('2026-03-03');
    expect(studyDayKey(utc('2026-03-02T18:59'), UTC_PLUS_9)).toBe('2026-03-02');
  });

  test('the day turns at the rollover hour, not at midnight', () => {
    // UTC-5: local 03:59:59.999 on 3 March is 08:59:59.999Z; local 04:00 is 09:00Z.
    expect(studyDayKey(utc('2026-03-03T08:59:59.999'), UTC_MINUS_5)).toBe('2026-03-02');
    expect(studyDayKey(utc('2026-03-03T09:00'), UTC_MINUS_5)).toBe('2026-03-03');
    expect(studyDayKey(utc('2026-03-03T05:00'), { ...UTC_0, rolloverHour: 6 })).toBe('2026-03-02');
    expect(studyDayKey(utc('2026-03-03T05:00'), { ...UTC_0, rolloverHour: 0 })).toBe('2026-03-03');
  });

  test('daylight saving: the 23-hour and 25-hour study days end at 4 a.m. local', () => {
    // 8 March: 07:30Z is 03:30 EDT (clocks jumped 2 -> 3), still 7 March; 08:00Z is 04:00 EDT.
    expect(studyDayKey(utc('2026-03-08T07:30'), NEW_YORK)).toBe('2026-03-07');
    expect(studyDayKey(utc('2026-03-08T08:00'), NEW_YORK)).toBe('2026-03-08');
    // 1 November: 08:30Z is 03:30 EST (clocks fell back 2 -> 1), still 31 October; 09:00Z is 04:00 EST.
    expect(studyDayKey(utc('2026-11-01T08:30'), NEW_YORK)).toBe('2026-10-31');
    expect(studyDayKey(utc('2026-11-01T09:00'), NEW_YORK)).toBe('2026-11-01');
  });

  test('a label names the calendar date on which the study day begins', () => {
    expect(studyDayLabel(0)).toBe('1970-01-01');
    expect(studyDayLabel(studyDayNumber(utc('2024-02-29T12:00'), UTC_0) + 1)).toBe('2024-03-01');
  });
});

describe('studyDayNumber with this device’s zone', () => {
  test('agrees with studyDayStart on where each local study day begins', () => {
    const instants = [
      new Date(2026, 2, 2, 3, 59),
      new Date(2026, 2, 2, 4, 0),
      new Date(2026, 2, 2, 23, 30),
      new Date(2026, 5, 15, 12, 0),
      new Date(2026, 9, 31, 23, 0),
      new Date(2026, 11, 31, 4, 30)
    ];
    for (const at of instants) {
      const start = studyDayStart(at);
      const n = studyDayNumber(at.getTime());
      expect(studyDayNumber(start.getTime())).toBe(n);
      expect(studyDayNumber(start.getTime() - 1)).toBe(n - 1);
      const local = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
      expect(studyDayLabel(n)).toBe(local);
    }
  });
});

describe('studyDayCounter', () => {
  // Every 20 minutes from 1 March to 10 November 2026: both New York changes, in time order and shuffled.
  const instants: number[] = [];
  for (let t = utc('2026-03-01T00:00'); t < utc('2026-11-10T00:00'); t += 20 * 60_000) instants.push(t);

  test('gives the same day numbers as studyDayNumber, sorted or not', () => {
    const shuffled = instants.map((t, i) => instants[(i * 7919) % instants.length]);
    for (const input of [instants, shuffled]) {
      const dayOf = studyDayCounter(NEW_YORK);
      expect(input.map(dayOf)).toEqual(input.map((t) => studyDayNumber(t, NEW_YORK)));
    }
  });

  test('asks for the offset about three times per day, not once per instant', () => {
    const shuffled = instants.map((t, i) => instants[(i * 7919) % instants.length]);
    for (const input of [instants, shuffled]) {
      let calls = 0;
      const dayOf = studyDayCounter({ utcOffset: (ms) => (calls++, NEW_YORK.utcOffset(ms)) });
      input.forEach(dayOf);
      // 254 days x 3 = 762, plus the two change days, not remembered: 2 x 72 instants x 3 = 432.
      // Shuffled adds a few hundred where the last offset seen guesses the wrong day near 4 a.m.
      expect(calls).toBeLessThan(input.length / 10);
    }
  });
});

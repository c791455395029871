import { describe, expect, it } from 'vitest';
import {
  inPeriod, intlLocalDay, lastCompleteMonth, nextPeriod, parseDay, parsePeriod, periodEnd, periodKey, periodOf, periodStart,
  previousPeriod, wholeMonthsBetween,
} from '../../src/core/periods';

const p = (text: string) => {
  const period = parsePeriod(text);
  if (!period) throw new Error(`not a period: ${text}`);
  return period;
};

describe('periods across month, quarter and year ends', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-12-01'],
    ['2026-12', '2026-12-01', '2027-01-01'],
    ['2026-02', '2026-02-01', '2026-03-01'],
    ['2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026-q1', '2026-01-01', '2026-04-01'],
  ])('%s is [%s, %s)', (text, start, end) => {
    expect([periodStart(p(text)), periodEnd(p(text))]).toEqual([start, end]);
  });

  it.each([
    ['2026-01-31', '2026-01', true],
    ['2026-02-01', '2026-01', false],
    ['2024-02-29', '2024-02', true], // leap day
    ['2026-12-31', '2026-Q4', true],
    ['2027-01-01', '2026-Q4', false],
    ['2026-09-30', '2026-Q4', false],
  ])('%s in %s: %s', (day, period, expected) => {
    expect(inPeriod(day, p(period))).toBe(expected);
  });

  it('last complete month, previous and next across the year end', () => {
    expect(periodKey(lastCompleteMonth('2027-01-15'))).toBe('2026-12');
    expect(periodKey(lastCompleteMonth('2026-03-01'))).toBe('2026-02');
    expect(periodKey(previousPeriod(p('2026-01')))).toBe('2025-12');
    expect(periodKey(nextPeriod(p('2026-12')))).toBe('2027-01');
    expect(periodKey(nextPeriod(p('2026-Q4')))).toBe('2027-Q1');
    expect(periodKey(periodOf('2026-11-30', 'quarter'))).toBe('2026-Q4');
  });

  it('parses and refuses period texts', () => {
    expect(['2026-11', '2026-Q4', '11.2026', '2026-11-22'].map((t) => periodKey(p(t)))).toEqual(['2026-11', '2026-Q4', '2026-11', '2026-11']);
    expect(['2026-13', '2026-Q5', 'ноябрь', ''].map(parsePeriod)).toEqual([null, null, null, null]);
  });

  it('whole months between days: a month is whole once the day of month is reached again', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(wholeMonthsBetween('2025-11-15', '2026-11-15')).toBe(12);
    expect(wholeMonthsBetween('2025-11-15', '2026-11-14')).toBe(11);
  });
});

describe('parseDay', () => {
  const moscow = intlLocalDay('Europe/Moscow');
  it('reads text dates and rejects impossible days', () => {
    expect(['22.11.2026', '2026-11-22', '22/11/2026', '22.11.26', '31.02.2026', 'вчера'].map((v) => parseDay(v, moscow)))
      .toEqual(['2026-11-22', '2026-11-22', '2026-11-22', '2026-11-22', null, null]);
  });
  it("reads a Date as its day in the sheet's time zone: 21:30 UTC on 30 Nov is 1 Dec in Moscow", () => {
    const lateUtc = new Date(Date.UTC(2026, 10, 30, 21, 30));
    expect(parseDay(lateUtc, moscow)).toBe('2026-12-01');
    expect(parseDay(lateUtc, intlLocalDay('UTC'))).toBe('2026-11-30');
    expect(parseDay(new Date(NaN), moscow)).toBeNull();
  });
});

/** Text dates with slashes read by the spreadsheet's locale (SPEC §10.2, §10.3): core/dateOrder.ts and readDayText. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderOfLocale, parseDateOrder } from '../../src/core/dateOrder';
import { parseDay, readDayText } from '../../src/core/periods';

const utc = (d: Date) => d.toISOString().slice(0, 10);

describe('the date order of a locale', () => {
  it.each([
    ['en_US', 'mdy'], ['en_PH', 'mdy'], ['fil_PH', 'mdy'], ['fil', 'mdy'], ['en-us', 'mdy'],
    ['ru_RU', 'dmy'], ['ru', 'dmy'], ['en_GB', 'dmy'], ['en_IE', 'dmy'], ['en_AU', 'dmy'], ['en_IN', 'dmy'], ['de_DE', 'dmy'], ['uk_UA', 'dmy'], ['es_MX', 'dmy'], ['pt_BR', 'dmy'], ['fr', 'dmy'],
    // Year first or mixed: a day-and-month-first text is foreign there; a bare `en` says nothing.
    ['en', null], ['ja_JP', null], ['zh_CN', null], ['ko_KR', null], ['hu_HU', null], ['lt_LT', null], ['sv_SE', null], ['en_CA', null], ['fr_CA', null], ['en_ZA', null], ['es_US', null],
    [null, null], ['', null],
  ] as const)('%s → %s', (locale, order) => {
    expect(dateOrderOfLocale(locale)).toBe(order);
  });

  it('--date-order spellings', () => {
    expect(['dmy', 'DMY', 'd/m/y', 'DD.MM.YYYY', 'mdy', 'MM/DD/YYYY', 'ymd', 'day', ''].map(parseDateOrder)).toEqual(['dmy', 'dmy', 'dmy', 'dmy', 'mdy', 'mdy', null, null, null]);
  });

  it('a word that merely holds d, m and y in order is not an order (never a guess)', () => {
    expect(['dummy', 'month-day-year', 'madly', 'd-m-y', 'dd mm yyyy'].map(parseDateOrder)).toEqual([null, null, null, 'dmy', 'dmy']);
  });
});

describe('readDayText', () => {
  it('a slash date that reads two ways follows the order, or is both readings when it is not known', () => {
    expect(readDayText('03/04/2026', 'dmy')).toEqual({ day: '2026-04-03' });
    expect(readDayText('03/04/2026', 'mdy')).toEqual({ day: '2026-03-04' });
    expect(readDayText('03/04/2026', null)).toEqual({ twoWays: ['2026-04-03', '2026-03-04'] });
    expect(readDayText(' 3/4/26 ', null)).toEqual({ twoWays: ['2026-04-03', '2026-03-04'] });
    // Day = month reads one way.
    expect(readDayText('05/05/2026', null)).toEqual({ day: '2026-05-05' });
  });

  it('a slash date that reads one way alone is that day whatever the order, marked as evidence', () => {
    expect(readDayText('22/11/2026', 'mdy')).toEqual({ day: '2026-11-22', only: 'dmy' });
    expect(readDayText('11/22/2026', 'dmy')).toEqual({ day: '2026-11-22', only: 'mdy' });
    expect(readDayText('13/13/2026', null)).toBeNull();
    expect(readDayText('31/02/2026', null)).toBeNull(); // 31 February either way round
  });

  it('dots are day first, year first is ISO, in every order', () => {
    for (const order of ['dmy', 'mdy', null] as const) {
      expect(readDayText('03.04.2026', order)).toEqual({ day: '2026-04-03' });
      expect(readDayText('2026-04-03', order)).toEqual({ day: '2026-04-03' });
      expect(readDayText('2026/04/03', order)).toEqual({ day: '2026-04-03' });
      expect(readDayText('2026.4.3', order)).toEqual({ day: '2026-04-03' });
    }
    expect(readDayText('2026/04-03', null)).toBeNull(); // mixed separators
    expect(readDayText('03/04.2026', null)).toBeNull();
  });

  it('parseDay keeps its day-first default and reads date cells whatever the order', () => {
    expect(parseDay('03/04/2026', utc)).toBe('2026-04-03');
    expect(parseDay('03/04/2026', utc, 'mdy')).toBe('2026-03-04');
    expect(parseDay('03/04/2026', utc, null)).toBeNull();
    expect(parseDay(new Date(Date.UTC(2026, 3, 3)), utc, 'mdy')).toBe('2026-04-03');
  });

  it('property: a day written day-first reads back with dmy, month-first with mdy; with no order it is never a third day', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
      const day = utc(d);
      const [y, m, dd] = day.split('-');
      expect(readDayText(`${dd}/${m}/${y}`, 'dmy')).toMatchObject({ day });
      expect(readDayText(`${m}/${dd}/${y}`, 'mdy')).toMatchObject({ day });
      const unknown = readDayText(`${dd}/${m}/${y}`, null)!;
      if ('day' in unknown) expect(unknown.day).toBe(day);
      else {
        expect(unknown.twoWays[0]).toBe(day);
        expect(Number(dd) <= 12 && dd !== m).toBe(true);
      }
    }), { numRuns: 500 });
  });
});

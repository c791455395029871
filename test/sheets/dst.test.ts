/**
 * SPEC §10.3: dates are written as days of the spreadsheet's calendar with no time-zone
 * arithmetic, correct on daylight-saving days in every zone. For every IANA zone Node knows, the
 * adapter's cells (cellBlock: serial day numbers with a date format) are written into a fake
 * spreadsheet in that zone, read back as Sheets returns them (a Date at the day's first instant
 * there — 01:00 where midnight does not exist) and turned into a day the way the adapter reads
 * (sheetsLocalDay: Utilities.formatDate in the zone). Days: every transition day of every zone
 * 2000–2035 with its neighbours, 24 sampled days per zone, and every single day 2000–2035 in the
 * zones whose clocks jump at midnight (Santiago, Havana, Asunción, São Paulo).
 * Intl is used here, in the test, to find the transitions; the bundle never uses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellBlock, sheetsLocalDay } from '../../src/sheets/spreadsheetIO';
import type { TabModel } from '../../src/workbook/tabModel';
import { fakeSpreadsheet, formatDate, zoneOffsetMs } from '../harness/fakeSpreadsheetApp';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { rig } from './setup';

const DAY = 86_400_000;
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2035, 11, 31);
const MIDNIGHT_JUMPERS = ['America/Santiago', 'America/Havana', 'America/Asuncion', 'America/Sao_Paulo'];

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The local days around every offset change of `zone` in 2000–2035 (samples on the 1st and 15th
 * of each month, then bisection to the hour), and the days its calendar skipped altogether
 * (Samoa and Tokelau jumped from 2011-12-29 to 2011-12-31): no date cell can show those there.
 */
function transitions(zone: string): { days: string[]; skipped: Set<string> } {
  const days = new Set<string>();
  const skipped = new Set<string>();
  const samples: number[] = [];
  for (let y = 2000; y <= 2036; y++) for (let m = 0; m < 12; m++) samples.push(Date.UTC(y, m, 1), Date.UTC(y, m, 15));
  let prevT = samples[0];
  let prev = zoneOffsetMs(prevT, zone);
  for (const t of samples.slice(1)) {
    const off = zoneOffsetMs(t, zone);
    if (off !== prev) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 3_600_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (zoneOffsetMs(mid, zone) === prev) lo = mid;
        else hi = mid;
      }
      const after = zoneOffsetMs(hi, zone);
      for (const d of [-1, 0, 1]) days.add(iso(hi + prev + d * DAY));
      // a whole local day between the last wall time before the change and the first after it never happened
      for (let w = Date.parse(`${iso(hi + prev)}T00:00:00Z`); w + DAY <= hi + after; w += DAY) skipped.add(iso(w));
    }
    prevT = t;
    prev = off;
  }
  return { days: [...days].filter((d) => d >= '2000-01-01' && d <= '2035-12-31'), skipped };
}

/** 24 days spread over 2000–2035, a different spread per zone (deterministic). */
function sampledDays(zone: string): string[] {
  let seed = [...zone].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const out = ['2000-01-01', '2035-12-31'];
  for (let i = 0; i < 22; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out.push(iso(FROM + (seed % Math.round((TO - FROM) / DAY)) * DAY));
  }
  return out;
}

function everyDay(): string[] {
  const out: string[] = [];
  for (let t = FROM; t <= TO; t += DAY) out.push(iso(t));
  return out;
}

const tab = (days: string[]): TabModel => ({
  name: 't', kind: 'manager', key: 'k', rows: days.map((d) => [new Date(`${d}T12:00:00Z`)]), formats: [], bold: [], frozenRows: 0,
});

/** Writes `days` as the adapter does, reads them back as Sheets returns them, and as the adapter reads a Date cell. */
function roundTrip(zone: string, days: string[]): string[] {
  const block = cellBlock(tab(days));
  expect(block.dateCells).toEqual([{ row: 0, col: 0, rows: days.length, cols: 1 }]);
  const ss = fakeSpreadsheet({ sheets: { S: [] }, timeZone: zone });
  const sheet = ss.getSheetByName('S')!;
  sheet.insertRowsAfter(1000, Math.max(1, days.length));
  const range = sheet.getRange(1, 1, block.rows, 1);
  range.setValues(block.values);
  range.setNumberFormat('dd.mm.yyyy');
  const toDay = sheetsLocalDay(zone);
  return range.getValues().map(([v]) => toDay(v as Date));
}

describe('dates round-trip through Sheets in every IANA zone (serial day numbers, no zone arithmetic)', () => {
  const g = globalThis as Record<string, unknown>;
  const saved = g.Utilities;
  beforeAll(() => {
    g.Utilities = { formatDate };
  });
  afterAll(() => {
    g.Utilities = saved;
  });

  // ES2022 lib typing is not in this tsconfig; Node 20 has it
  const zones: string[] = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  const chunks: string[][] = [];
  for (let i = 0; i < zones.length; i += 40) chunks.push(zones.slice(i, i + 40));
  let checked = 0;

  it.each(chunks.map((c) => [`${c[0]} … ${c[c.length - 1]}`, c] as const))('zones %s: transition days (±1) and 24 sampled days, 2000–2035', async (_label, chunk) => {
    for (const zone of chunk) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let vitest's worker answer its runner
      const t = transitions(zone);
      const days = [...new Set([...t.days, ...sampledDays(zone)])].filter((d) => !t.skipped.has(d)).sort();
      expect(roundTrip(zone, days), zone).toEqual(days);
      checked += days.length;
    }
  }, 120_000);

  it('covered every zone Node knows', () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(transitions('Pacific/Apia').skipped).toEqual(new Set(['2011-12-30'])); // the one day Samoa never had
    console.log(`DST property: ${zones.length} zones, ${checked} zone-days checked`);
  });

  it.each(MIDNIGHT_JUMPERS)('every day 2000–2035 in %s, whose midnight does not exist on its spring-forward days', async (zone) => {
    const days = everyDay();
    expect(days).toHaveLength(13_149);
    for (let i = 0; i < days.length; i += 2000) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let vitest's worker answer its runner
      expect(roundTrip(zone, days.slice(i, i + 2000)), zone).toEqual(days.slice(i, i + 2000));
    }
  }, 120_000);

  it('the trap the serial numbers avoid: Santiago on 2026-09-06 has no 00:00, its date cell is 01:00 and still that day', () => {
    const ss = fakeSpreadsheet({ sheets: { S: [] }, timeZone: 'America/Santiago' });
    const r = ss.getSheetByName('S')!.getRange(1, 1);
    r.setValues(cellBlock(tab(['2026-09-06'])).values);
    r.setNumberFormat('dd.mm.yyyy');
    expect(formatDate(r.getValues()[0][0] as Date, 'America/Santiago', 'yyyy-MM-dd HH:mm')).toBe('2026-09-06 01:00');
  });

  it('end to end on the built script in Santiago: a deal on 2026-09-06 is read as that day and written as that day', () => {
    // 1 deal of 100 000 on the day Santiago's midnight does not exist; scheme: 10 % of revenue → 10 000
    const santiagoMidnight = new Date(Date.UTC(2026, 8, 6, 4)); // 01:00 at UTC−3, the day's first instant there
    const raw = rawWorkbook(
      {
        'Сделки': [['Дата', 'Менеджер', 'Сумма'], [santiagoMidnight, 'Анна', 100000]],
        'Планы': [['Период', 'Менеджер', 'Схема'], ['2026-09', 'Анна', 'A']],
        'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка'], ['A', 'процент', 'выручка', '10%']],
      },
      { timeZone: 'America/Santiago' },
    );
    const { ss, gas } = rig(raw);
    const json = gas.call('generatePayouts', '2026-09');
    expect(json.managers[0].total).toBe(10000); // 10 % × 100 000
    const tabSheet = ss._sheets.find((s) => s._name.startsWith('Анна'))!;
    const dates = tabSheet._dump().flat().filter((v) => Object.prototype.toString.call(v) === '[object Date]') as Date[];
    expect(dates.map((d) => formatDate(d, 'America/Santiago', 'yyyy-MM-dd'))).toEqual(['2026-09-06']);
  });
});

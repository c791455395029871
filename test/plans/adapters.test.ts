/**
 * The §14 books of scenarios.ts through the BUILT adapters: `kpi-payouts --json` on .xlsx files
 * (dist/cli.mjs) and `checkData` / `generatePayouts` in the built bundle over a fake spreadsheet.
 * The hand-worked arithmetic is in scenarios.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rig, plain } from '../sheets/setup';
import { CATEGORIES, CATEGORIES_EXPECTED, FUND, FUND_EXPECTED, REGULARS, REGULARS_EXPECTED, rawOf, saveXlsx, type Book } from './scenarios';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
const BOOKS: [string, Book, Record<string, number>][] = [
  ['categories and splits', CATEGORIES, CATEGORIES_EXPECTED],
  ['regular clients and subsequent purchases', REGULARS, REGULARS_EXPECTED],
  ['company fund', FUND, FUND_EXPECTED],
];
let dir = '';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-plans-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const totals = (json: { managers: { manager: string; total: number }[] }) => Object.fromEntries(json.managers.map((m) => [m.manager, m.total]));

describe('kpi-payouts --json (built CLI, .xlsx)', () => {
  for (const [name, book, expected] of BOOKS) {
    it(`${name}: the hand-worked totals`, async () => {
      const file = await saveXlsx(book, join(dir, `${name.replace(/\W+/g, '-')}.xlsx`));
      const r = spawnSync(process.execPath, [BIN, file, '--period', '2026-11', '--json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/);
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(totals(json)).toEqual(expected);
      for (const m of json.managers) {
        expect(Math.round(m.lines.reduce((s: number, l: { amount: number }) => s + l.amount * 100, 0))).toBe(Math.round(m.total * 100));
      }
    });
  }
  it('the split that does not add up is an issue naming its row and column', async () => {
    const file = await saveXlsx(CATEGORIES, join(dir, 'issue.xlsx'));
    const r = spawnSync(process.execPath, [BIN, file, '--period', '2026-11', '--json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const json = JSON.parse(r.stdout);
    expect(json.issues).toContainEqual(expect.objectContaining({ sheet: 'Сделки', row: 8, column: 'Доли' }));
  });
});

describe('checkData / generatePayouts (built bundle, fake Sheets)', () => {
  for (const [name, book, expected] of BOOKS) {
    it(`${name}: the hand-worked totals`, () => {
      const { gas } = rig(rawOf(book));
      const json = plain(gas.call('checkData', '2026-11')) as { managers: { manager: string; total: number }[] };
      expect(totals(json)).toEqual(expected);
    });
  }
  it('a filter naming a column Deals lacks makes the scheme invalid, with an issue on the Schemes cell', () => {
    const book: Book = { ...REGULARS, 'Схемы': [...REGULARS['Схемы'], ['Привлечение', 'процент', 'выручка', '1%', '', '', '', '', '', '', '', 'товар ≠ Услуги']] };
    const { gas } = rig(rawOf(book));
    const json = plain(gas.call('checkData', '2026-11')) as { managers: unknown[]; issues: { sheet: string; row: number; column: string; value: string; message: string }[] };
    expect(json.managers).toEqual([]);
    expect(json.issues).toContainEqual(expect.objectContaining({ sheet: 'Схемы', row: 6, column: 'условие', value: 'товар ≠ Услуги' }));
  });
  it('generatePayouts writes the statements: the fund line shows the factor', () => {
    const { gas, ss } = rig(rawOf(FUND));
    gas.call('generatePayouts', '2026-11');
    const tab = ss._sheets.find((s) => s._name.startsWith('Анна'))!;
    const text = JSON.stringify(tab._values ?? tab.getDataRange().getValues());
    expect(text).toContain('0,6667');
  });
});

describe('the wizard (built bundle)', () => {
  it('filterSuggestions offers clauses from the workbook\'s own Deals values', () => {
    const { gas } = rig(rawOf(CATEGORIES));
    const offered = plain(gas.call('filterSuggestions')) as string[];
    // Арматура is on 5 rows, Услуги on 2: most frequent first.
    expect(offered.slice(0, 2)).toEqual(['категория = Арматура', 'категория = Услуги']);
    expect(offered).toEqual(expect.arrayContaining(['тип сделки = новая', 'тип сделки = повторная', 'тип сделки = допродажа', 'клиент = новый', 'клиент = постоянный']));
  });
  it('a filter saved from the wizard goes into the filter column (the twelfth) and reads back', () => {
    const { gas, ss } = rig(rawOf(FUND));
    const drafts = [
      { rule: 'salary', metric: '', rate: '', amount: '1000', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '', filter: '' },
      { rule: 'percent', metric: 'revenue', rate: '3%', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '', filter: 'клиент = новый' },
    ];
    const saved = plain(gas.call('saveScheme', 'Новые', drafts)) as { saved: boolean };
    expect(saved).toMatchObject({ saved: true });
    const sheet = ss._sheets.find((s) => s._name === 'Схемы')!;
    const values = sheet.getDataRange().getValues() as unknown[][];
    expect(values[0][11]).toBe('Условие');
    expect(values.find((r) => r[0] === 'Новые' && r[1] === 'процент')![11]).toBe('клиент = новый');
    const back = plain(gas.call('getScheme', 'Новые')) as { drafts: { filter?: string }[] };
    expect(back.drafts[1].filter).toBe('клиент = новый');
  });
});

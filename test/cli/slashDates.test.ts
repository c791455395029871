/**
 * Text dates with slashes through the CLI on a real .xlsx (exceljs writes `03/04/2026` as a text
 * cell, as a pasted CRM export holds it). The CLI has no spreadsheet locale: a Russian workbook reads
 * day first, `--date-order dmy|mdy` says the order, and an English workbook without it gets an issue
 * and withholds the months the date could fall in (SPEC §10.2). Figures in test/workbook/dates/workbooks.ts.
 * Also: a Payments date that reads two ways withholds the deal's manager; `--lang` chooses the
 * language of the output, not how the workbook's dates read (its own language does); `--regulation`
 * takes `--date-order` as the main run and `--simulate` do.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { runCli } from '../../src/cli/run';
import { bookOf, save } from './fixtures';
import { runSimulateCommand } from '../../src/cli/simulate';
import { runRegulationCommand } from '../../src/cli/regulation';
import { DAY_FIRST, MONTH_FIRST, SLASH_PLANS, SLASH_SCHEMES, slashDeals } from '../workbook/dates/workbooks';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-slash-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function saveBook(file: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  return save(bookOf(sheets), join(dir, file));
}

async function run(args: string[], env: Record<string, string> = { LANG: 'en_US.UTF-8' }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date('2026-11-05T09:00:00Z'), env, cwd: dir });
  return { code, stdout, stderr };
}

async function simulate(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runSimulateCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date('2026-11-05T09:00:00Z'), env: { LANG: 'en_US.UTF-8' }, cwd: dir });
  return { code, stdout, stderr };
}

const totals = (stdout: string) => JSON.parse(stdout).managers.map((m: any) => [m.manager, m.total]);

/** The same workbook in English (the CLI then guesses an English workbook: order not known). */
const english = (): Record<string, CellValue[][]> => ({
  Deals: [['Date', 'Manager', 'Amount'], ...slashDeals().slice(1).map(([date, , amount]) => [date, 'Ivanov', amount])],
  Plans: [['Period', 'Manager', 'Scheme', 'Revenue'], ['2026-03', 'Ivanov', 'S', 1000000], ['2026-04', 'Ivanov', 'S', 1000000]],
  Schemes: [['Scheme', 'Rule', 'Metric', 'Rate', 'Amount'], ['S', 'salary', '', '', 10000], ['S', 'percent', 'revenue', '5%', '']],
});

describe('slash dates in the CLI', () => {
  it('a Russian workbook reads 03/04/2026 day first: April 10 000 + 5 % × 250 000 = 22 500', async () => {
    const file = await saveBook('ru.xlsx', { 'Сделки': slashDeals(), 'Планы': SLASH_PLANS, 'Схемы': SLASH_SCHEMES });
    const april = await run([file, '--period', '2026-04', '--json']);
    expect(april.code).toBe(0);
    expect(totals(april.stdout)).toEqual([['Иванов', DAY_FIRST['2026-04']]]);
    expect(JSON.parse(april.stdout).issues).toEqual([]);
    // --date-order mdy overrides: March 10 000 + 5 % × 300 000 = 25 000.
    const march = await run([file, '--period', '2026-03', '--json', '--date-order', 'mdy']);
    expect(totals(march.stdout)).toEqual([['Иванов', MONTH_FIRST['2026-03']]]);
  });

  it('an English workbook without --date-order: the issue names Deals row 2 «Date», Ivanov is withheld in March, exit 0', async () => {
    const file = await saveBook('en.xlsx', english());
    const out = await run([file, '--period', '2026-03', '--json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.managers).toEqual([]);
    expect(json.issues.map((i: any) => [i.sheet, i.row, i.column, i.value])).toEqual([['Deals', 2, 'Date', '03/04/2026'], ['Deals', 2, 'Date', '03/04/2026']]);
    expect(json.issues[0].message).toContain('--date-order dmy|mdy');
    // The text output lists the issue too.
    const text = await run([file, '--period', '2026-03']);
    expect(text.stdout).toContain('"03/04/2026" reads two ways');
  });

  it('--date-order dmy / mdy on the English workbook: 15 000 / 25 000 in March (the 10 000 between is 5 % × 200 000)', async () => {
    const file = await saveBook('en2.xlsx', english());
    expect(totals((await run([file, '--period', '2026-03', '--json', '--date-order', 'dmy'])).stdout)).toEqual([['Ivanov', DAY_FIRST['2026-03']]]);
    expect(totals((await run([file, '--period', '2026-03', '--json', '--date-order=MM/DD/YYYY'])).stdout)).toEqual([['Ivanov', MONTH_FIRST['2026-03']]]);
  });

  it('--simulate reads by --date-order too: March under mdy pays 25 000, under dmy 15 000', async () => {
    const file = await saveBook('en4.xlsx', english());
    const march = async (order: string) => {
      const out = await simulate([file, '--simulate', 'S', '--from', '2026-03', '--to', '2026-03', '--date-order', order, '--json']);
      expect(out.code, out.stderr).toBe(0);
      return JSON.parse(out.stdout).periods[0].schemes[0].managers.map((m: any) => [m.manager, m.total]);
    };
    expect(await march('mdy')).toEqual([['Ivanov', MONTH_FIRST['2026-03']]]);
    expect(await march('dmy')).toEqual([['Ivanov', DAY_FIRST['2026-03']]]);
  });

  it('--simulate without --date-order withholds Ivanov in March and April (the months 03/04/2026 could fall in), as the main run does', async () => {
    const file = await saveBook('en5.xlsx', english());
    const out = await simulate([file, '--simulate', 'S', '--from', '2026-03', '--to', '2026-04', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    // No cell for Ivanov in either month: a guessed date would have paid him 15 000 or 25 000 in March.
    expect(json.periods.map((p: any) => [p.period, p.schemes[0].managers.map((m: any) => m.manager)])).toEqual([['2026-03', []], ['2026-04', []]]);
    expect(json.issues.map((i: any) => [i.sheet, i.row, i.column, i.value])).toContainEqual(['Deals', 2, 'Date', '03/04/2026']);
  });

  it('a bad --date-order is refused with the reason (exit 2), in --simulate too, and --help explains it', async () => {
    const file = await saveBook('en3.xlsx', english());
    const bad = await run([file, '--date-order', 'ymd']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date-order "ymd" is not a date order: write dmy (day first) or mdy (month first).');
    const simulateBad = await simulate([file, '--simulate', 'S', '--from', '2026-03', '--to', '2026-04', '--date-order', 'ymd']);
    expect(simulateBad.code).toBe(2);
    expect(simulateBad.stderr).toContain('--date-order "ymd" is not a date order');
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/--date-order dmy\|mdy +how text dates with slashes read/);
  });
});

async function regulation(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runRegulationCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date('2026-11-05T09:00:00Z'), env: { LANG: 'en_US.UTF-8' }, cwd: dir });
  return { code, stdout, stderr };
}

const byName = (stdout: string) => Object.fromEntries(JSON.parse(stdout).managers.map((m: any) => [m.manager, m.total]));

/**
 * Scheme S: 10 000 + 5 % of paid revenue. Deals D1 Ivanov 300 000 and D2 Petrov 100 000, both
 * 2026-02. Payments: D1 300 000 on `03/04/2026` (text: 3 April or March 4), D2 100 000 on 2026-03-10.
 */
const paymentsBook = (): Record<string, CellValue[][]> => ({
  Deals: [['Deal ID', 'Date', 'Manager', 'Amount'], ['D1', '2026-02-10', 'Ivanov', 300000], ['D2', '2026-02-15', 'Petrov', 100000]],
  Payments: [['Deal ID', 'Date', 'Amount'], ['D1', '03/04/2026', 300000], ['D2', '2026-03-10', 100000]],
  Plans: [['Period', 'Manager', 'Scheme', 'Revenue'], ...['2026-03', '2026-04'].flatMap((p) => [[p, 'Ivanov', 'S', 1000000], [p, 'Petrov', 'S', 1000000]])],
  Schemes: [['Scheme', 'Rule', 'Metric', 'Rate', 'Amount'], ['S', 'salary', '', '', 10000], ['S', 'percent', 'paid revenue', '5%', '']],
});

describe('a Payments date that reads two ways, in the CLI', () => {
  it('English workbook, no --date-order: Ivanov withheld in March (Petrov 10 000 + 5 % × 100 000 = 15 000) and April (Petrov 10 000)', async () => {
    const file = await saveBook('payments.xlsx', paymentsBook());
    const march = await run([file, '--period', '2026-03', '--json']);
    expect(march.code, march.stderr).toBe(0);
    expect(byName(march.stdout)).toEqual({ Petrov: 15000 });
    const issues = JSON.parse(march.stdout).issues;
    // the reader's issue on the cell, then the withholding (the JSON's issues carry no code)
    expect(issues.map((i: any) => [i.sheet, i.row, i.column, i.value])).toEqual([['Payments', 2, 'Date', '03/04/2026'], ['Payments', 2, 'Date', '03/04/2026']]);
    expect(issues[0].message).toMatch(/^"03\/04\/2026" reads two ways: 2026-04-03 \(day first\) or 2026-03-04 \(month first\)/);
    expect(issues[1].message).toBe('Ivanov: no payout for 2026-03 while the date "03/04/2026" ("Payments", row 2) reads two ways (2026-04-03 or 2026-03-04).');
    expect(byName((await run([file, '--period', '2026-04', '--json'])).stdout)).toEqual({ Petrov: 10000 });
  });

  it('--date-order dmy: paid 3 April — April pays Ivanov 10 000 + 5 % × 300 000 = 25 000; mdy: March 4 — March pays him 25 000', async () => {
    const file = await saveBook('payments2.xlsx', paymentsBook());
    expect(byName((await run([file, '--period', '2026-04', '--json', '--date-order', 'dmy'])).stdout)).toEqual({ Ivanov: 25000, Petrov: 10000 });
    expect(byName((await run([file, '--period', '2026-03', '--json', '--date-order', 'mdy'])).stdout)).toEqual({ Ivanov: 25000, Petrov: 15000 });
  });
});

describe('--lang does not change how the workbook\'s dates read', () => {
  it('a Russian workbook with --lang en still reads 03/04/2026 day first: April 10 000 + 5 % × 250 000 = 22 500, no issue, English output', async () => {
    const file = await saveBook('ru-lang-en.xlsx', { 'Сделки': slashDeals(), 'Планы': SLASH_PLANS, 'Схемы': SLASH_SCHEMES });
    const april = await run([file, '--period', '2026-04', '--json', '--lang', 'en']);
    expect(april.code, april.stderr).toBe(0);
    expect(byName(april.stdout)).toEqual({ Иванов: DAY_FIRST['2026-04'] });
    expect(JSON.parse(april.stdout).issues).toEqual([]);
    const text = await run([file, '--period', '2026-04', '--lang', 'en']);
    // the output is in English (en number format), the figure the same
    expect(text.stdout).toContain('Payouts for 2026-04');
    expect(text.stdout).toContain('22,500.00');
    expect(text.stdout).toContain('Data issues: 0');
    // --date-order still wins: mdy makes it March 4 (March 10 000 + 5 % × 300 000 = 25 000)
    expect(byName((await run([file, '--period', '2026-03', '--json', '--lang', 'en', '--date-order', 'mdy'])).stdout)).toEqual({ Иванов: MONTH_FIRST['2026-03'] });
  });

  it('an English workbook with --lang ru: its order is not known, so 03/04/2026 is an issue (in Russian) and Ivanov is withheld', async () => {
    const file = await saveBook('en-lang-ru.xlsx', {
      Deals: [['Date', 'Manager', 'Amount'], ...slashDeals().slice(1).map(([date, , amount]) => [date, 'Ivanov', amount])],
      Plans: [['Period', 'Manager', 'Scheme', 'Revenue'], ['2026-03', 'Ivanov', 'S', 1000000], ['2026-04', 'Ivanov', 'S', 1000000]],
      Schemes: [['Scheme', 'Rule', 'Metric', 'Rate', 'Amount'], ['S', 'salary', '', '', 10000], ['S', 'percent', 'revenue', '5%', '']],
    });
    const march = await run([file, '--period', '2026-03', '--json', '--lang', 'ru']);
    expect(march.code, march.stderr).toBe(0);
    const json = JSON.parse(march.stdout);
    expect(json.managers).toEqual([]);
    expect(json.issues[0]).toMatchObject({ sheet: 'Deals', row: 2, column: 'Date', value: '03/04/2026' });
    expect(json.issues[0].message).toMatch(/^«03\/04\/2026» читается двумя способами/);
  });
});

describe('--regulation takes --date-order', () => {
  it('accepted as in the main run (the .docx is written); a bad value or a repeat is refused with the reason, exit 2', async () => {
    const file = await saveBook('reg.xlsx', { 'Сделки': slashDeals(), 'Планы': SLASH_PLANS, 'Схемы': SLASH_SCHEMES });
    const out = join(dir, 'reg.docx');
    const ok = await regulation([file, '--regulation', 'S', '--period', '2026-04', '--date-order', 'mdy', '--out', out]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const bad = await regulation([file, '--regulation', 'S', '--date-order', 'ymd', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--date-order "ymd" is not a date order: write dmy (day first) or mdy (month first).\n');
    const twice = await regulation([file, '--regulation', 'S', '--date-order', 'dmy', '--date-order=mdy', '--out', out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--date-order');
  });
});

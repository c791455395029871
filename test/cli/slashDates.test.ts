/**
 * Text dates with slashes through the CLI on a real .xlsx (exceljs writes `03/04/2026` as a text
 * cell, as a pasted CRM export holds it). The CLI has no spreadsheet locale: a Russian workbook reads
 * day first, `--date-order dmy|mdy` says the order, and an English workbook without it gets an issue
 * and withholds the months the date could fall in (SPEC §10.2). Figures in test/workbook/dates/workbooks.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { runCli } from '../../src/cli/run';
import { runSimulateCommand } from '../../src/cli/simulate';
import { DAY_FIRST, MONTH_FIRST, SLASH_PLANS, SLASH_SCHEMES, slashDeals } from '../workbook/dates/workbooks';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-slash-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function saveBook(file: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return path;
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

/**
 * Review item 13: the CLI marks the sheets it generates (workbook-level defined names
 * `_kpiPayouts_<period>_<n>` → the sheet's A1), so running it again on its own output replaces
 * that period's sheets instead of adding `(2)` copies, never reads them as input, keeps other
 * periods' sheets, and never touches an unmarked sheet whose name clashes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedMarks as marksOf } from '../../src/cli/xlsxWrite';
import { englishWorkbook, save } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
let dir = '';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--today', '2026-12-01'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The marks as the CLI finds them, from the defined names exceljs read. */
const generatedMarks = (wb: ExcelJS.Workbook) => marksOf(wb.definedNames.model.flatMap((n) => n.ranges.map((text) => ({ name: n.name, text }))));
const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
const cellAt = (wb: ExcelJS.Workbook, sheet: string, label: string, col: number) => {
  const ws = wb.getWorksheet(sheet)!;
  let found: unknown;
  ws.eachRow((row) => { if (row.getCell(1).value === label) found = row.getCell(col).value; });
  return found;
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-rerun-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI rerun on its own output', () => {
  it('replaces the period’s sheets (no “(2)”), reads none of them, and keeps other periods’', async () => {
    const input = await save(englishWorkbook(), join(dir, 'en.xlsx'));
    const first = cli([input, '--period', '2026-11', '--out', 'one.xlsx', '--json']);
    const one = await load(join(dir, 'one.xlsx'));
    expect(names(one)).toEqual(['Deals', 'Plans', 'Schemes', 'Payouts · 2026-11', 'Alice · 2026-11', 'Bob · 2026-11']);
    expect(generatedMarks(one).map((m) => [m.period, m.sheet])).toEqual([
      ['2026-11', 'Payouts · 2026-11'], ['2026-11', 'Alice · 2026-11'], ['2026-11', 'Bob · 2026-11'],
    ]);

    // the same run on its own output: the same sheets, the same JSON (the old tabs were not read)
    const second = cli([join(dir, 'one.xlsx'), '--period', '2026-11', '--out', 'two.xlsx', '--json']);
    expect(second).toBe(first);
    const two = await load(join(dir, 'two.xlsx'));
    expect(names(two)).toEqual(names(one));
    // Alice: 1 000 + 5 % × (10 000 + 2 000 − 1 000) + 500 = 1 000 + 550 + 500 = 2 050
    expect(cellAt(two, 'Alice · 2026-11', 'TOTAL TO PAY', 7)).toBe(2050);
    expect(generatedMarks(two)).toHaveLength(3);

    // another period is added beside November, whose sheets stay
    cli([join(dir, 'two.xlsx'), '--period', '2026-10', '--out', 'three.xlsx', '--json']);
    const three = await load(join(dir, 'three.xlsx'));
    expect(names(three).slice(0, 6)).toEqual(names(one));
    expect(names(three)).toContain('Payouts · 2026-10');
    expect(names(three).filter((n) => n.includes('(2)'))).toEqual([]);
    expect(new Set(generatedMarks(three).map((m) => m.period))).toEqual(new Set(['2026-10', '2026-11']));

    // and November again on that: October's sheets stay, November's are replaced once more
    cli([join(dir, 'three.xlsx'), '--period', '2026-11', '--out', 'four.xlsx', '--json']);
    const four = await load(join(dir, 'four.xlsx'));
    expect([...names(four)].sort()).toEqual([...names(three)].sort());
  });

  it('an unmarked user sheet with a clashing name is never touched: ours is “(2)”, once', async () => {
    const wb = englishWorkbook();
    wb.addWorksheet('Alice · 2026-11').addRow(['my notes', 42]);
    const input = await save(wb, join(dir, 'clash.xlsx'));
    cli([input, '--period', '2026-11', '--out', 'clash1.xlsx', '--json']);
    cli([join(dir, 'clash1.xlsx'), '--period', '2026-11', '--out', 'clash2.xlsx', '--json']);
    const out = await load(join(dir, 'clash2.xlsx'));
    expect(names(out).filter((n) => n.startsWith('Alice'))).toEqual(['Alice · 2026-11', 'Alice (2) · 2026-11']);
    expect(out.getWorksheet('Alice · 2026-11')!.getRow(1).values).toEqual([undefined, 'my notes', 42]);
    expect(generatedMarks(out).map((m) => m.sheet)).toContain('Alice (2) · 2026-11');
  });
});

/**
 * The shipped demo workbook through the Sheets adapter gives exactly what the CLI prints with
 * `--json` for it: one truth, two adapters.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { rawWorkbookOf } from '../../src/cli/xlsxRead';
import { sheetDate } from '../fixtures/rawWorkbooks';
import { generatedNames, plain, rig } from './setup';

const DEMO = 'demo/demo-workbook.xlsx';
const TZ = 'Europe/Moscow';

/** An .xlsx date is a wall-clock time with no zone (held as UTC); in Sheets it is that time in the sheet's zone. */
function asSheetsValue(v: CellValue): CellValue {
  if (Object.prototype.toString.call(v) !== '[object Date]') return v;
  const d = v as unknown as Date;
  const midnight = sheetDate(d.toISOString().slice(0, 10), TZ);
  return new Date(midnight.getTime() + (d.getTime() % 86_400_000));
}

describe.skipIf(!existsSync(DEMO))('the demo workbook in Google Sheets', () => {
  it('generatePayouts equals `kpi-payouts --json` on the same workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(DEMO);
    const raw = rawWorkbookOf(wb, { timeZone: TZ });
    raw.sheets = raw.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map(asSheetsValue)) }));
    const { ss, gas, inputNames } = rig({ ...raw, toLocalDay: undefined });
    const before = Object.fromEntries(inputNames.map((n) => [n, ss._sheet(n)!._dump()]));
    const json = plain(gas.call('generatePayouts', '2026-10'));

    const cli = JSON.parse(
      execFileSync(process.execPath, ['bin/kpi-payouts.js', DEMO, '--json', '--period', '2026-10'], { encoding: 'utf8', env: { ...process.env, TZ } }),
    );
    expect(json).toEqual(cli);
    expect(json.managers.length).toBeGreaterThan(0);
    expect(generatedNames(ss)).toHaveLength(json.managers.length + 1);
    for (const n of inputNames) expect(ss._sheet(n)!._dump()).toEqual(before[n]);
  }, 60_000);
});

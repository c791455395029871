/**
 * `kpi-payouts --close` on real .xlsx files through the BUILT command: the ledger written into
 * the output workbook (the next input), the input never overwritten, earlier ledger rows kept as
 * they were, closed tabs protected, withholding issues refused unless --confirm, the register CSV.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../src/workbook/raw';
import { ANNA, BORIS, OCTOBER, ledgerWorkbook } from './fixture';
import { ROOT, cliIn } from './cliHelper';

let dir = '';

const cli = (args: string[]) => cliIn(dir, args);

async function saveRaw(raw: RawWorkbook, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of raw.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r.map((v) => (v === '' ? null : v)));
  }
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const ws = wb.getWorksheet(name)!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-ledger-'));
  await saveRaw(ledgerWorkbook(OCTOBER), 'wb.xlsx');
  // Вера's Plans row names a scheme the Schemes sheet lacks: she is withheld.
  await saveRaw(ledgerWorkbook({ ...OCTOBER, extraPlans: [['2026-10', 'Вера Новикова', 'Нет такой', 100000]] }), 'blocked.xlsx');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kpi-payouts --close', () => {
  it('needs --out, and refuses an --out that names the input', () => {
    expect(cli(['wb.xlsx', '--period', '2026-10', '--close']).code).toBe(2);
    const same = cli(['wb.xlsx', '--period', '2026-10', '--close', '--out', './wb.xlsx']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('исходную книгу');
  }, 120_000);

  it('closes October into a new workbook; a correction shows as a true-up in November; closing November keeps October\'s rows', async () => {
    const before = readFileSync(join(dir, 'wb.xlsx'));
    const r = cli(['wb.xlsx', '--period', '2026-10', '--close', '--out', 'oct.xlsx', '--json']);
    expect(r.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.closed).toBe(true);
    expect(json.blocking).toEqual([]);
    // Анна: 30 000 + 5 % × 300 000 + 1 % × 200 000 = 47 000; Борис: 30 000 + 2 500 = 32 500.
    expect(json.managers.map((m: { total: number }) => m.total)).toEqual([47000, 32500]);
    expect(readFileSync(join(dir, 'wb.xlsx')).equals(before)).toBe(true); // the input is never touched

    const ledger = await sheetRows('oct.xlsx', 'Начисления');
    expect(ledger).toHaveLength(1 + 3 + 3);
    expect(ledger[1].slice(0, 4)).toEqual(['2026-10', ANNA, 'Простая', 'salary']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'oct.xlsx'));
    const protectedNames = wb.worksheets.filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).map((ws) => ws.name);
    expect(protectedNames.sort()).toEqual([`${ANNA} · 2026-10`, `${BORIS} · 2026-10`, 'Выплаты · 2026-10', 'Реестр · 2026-10'].sort());

    // A closed period re-renders from the ledger.
    const again = JSON.parse(cli(['oct.xlsx', '--period', '2026-10', '--json']).stdout);
    expect(again.closed).toBe(true);
    expect(again.managers.map((m: { total: number }) => m.total)).toEqual([47000, 32500]);

    // Correct D2 in the closed workbook: 100 000 → 160 000 (+3 000 at 5 %).
    const deals = wb.getWorksheet('Сделки')!;
    deals.eachRow((row) => {
      if (row.getCell(1).value === 'D2') row.getCell(5).value = 160000;
    });
    await wb.xlsx.writeFile(join(dir, 'oct-edited.xlsx'));
    const nov = JSON.parse(cli(['oct-edited.xlsx', '--period', '2026-11', '--json']).stdout);
    const anna = nov.managers.find((m: { manager: string }) => m.manager === ANNA);
    expect(anna.lines.filter((l: { rule: string }) => l.rule === 'adjustment')).toEqual([
      { rule: 'adjustment', metric: null, fact: null, plan: null, rate: null, amount: 3000, explanation: 'Перерасчёт за 2026-10: +3\u202f000,00\u00a0₽ (сделки: D2 — изменена)' },
    ]);
    expect(anna.total).toBe(36000); // 30 000 + 5 % × 60 000 + 3 000

    const closeNov = cli(['oct-edited.xlsx', '--period', '2026-11', '--close', '--out', 'nov.xlsx', '--register', 'reg.csv']);
    expect(closeNov.code).toBe(0);
    const after = await sheetRows('nov.xlsx', 'Начисления');
    expect(after.slice(0, ledger.length)).toEqual(ledger);
    expect(after).toHaveLength(ledger.length + 4 + 3);
    const csv = readFileSync(join(dir, 'reg.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFПериод;Менеджер;Табельный номер;Оклад;Переменная часть;Итого\r\n')).toBe(true);
    expect(csv).toContain(`2026-11;${ANNA};;30000,00;6000,00;36000,00\r\n`);
    expect(csv).toContain(`2026-11;${BORIS};;30000,00;0,00;30000,00\r\n`);
  }, 180_000);

  it('refuses while an issue withholds a payout, unless --confirm', () => {
    const refused = cli(['blocked.xlsx', '--period', '2026-10', '--close', '--out', 'b.xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--confirm');
    expect(refused.stderr).toContain('Вера Новикова');
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(false);
    const confirmed = cli(['blocked.xlsx', '--period', '2026-10', '--close', '--confirm', '--out', 'b.xlsx']);
    expect(confirmed.code).toBe(0);
    expect(existsSync(join(dir, 'b.xlsx'))).toBe(true);
  }, 120_000);
});

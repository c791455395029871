/**
 * `kpi-payouts WORKBOOK.xlsx --simulate SCHEME[,SCHEME2] --from … --to … [--managers …] [--json]`:
 * on the hand-worked workbook (./fixture.ts) written to .xlsx, and on the shipped demo workbook
 * (2025-11…2026-10, a sanity run), in-process and through the built command (dist/cli.mjs).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationJson } from '../../src/core/simulate';
import { runSimulateCommand } from '../../src/cli/simulate';
import { fixtureWorkbook, IVANOV, PETROV } from './fixture';

const ROOT = resolve(__dirname, '../..');
const DEMO = join(ROOT, 'demo/demo-workbook.xlsx');
const CLI = join(ROOT, 'dist/cli.mjs');
let dir = '';
let book = '';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      now: () => new Date('2026-11-24T10:00:00Z'),
      env: { LANG: 'ru_RU.UTF-8' } as Record<string, string | undefined>,
      cwd: dir,
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-sim-'));
  book = join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  for (const sheet of fixtureWorkbook().sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row as ExcelJS.CellValue[]);
  }
  await wb.xlsx.writeFile(book);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--simulate on a small workbook', () => {
  it('--json: only the documented object on stdout, with the hand-worked figures', async () => {
    const { io: cli, out } = io();
    const code = await runSimulateCommand([book, '--simulate', 'Базовая,Новая', '--from', '2026-09', '--to', '2026-10', '--json'], cli);
    expect(code).toBe(0);
    const json = JSON.parse(out.stdout) as SimulationJson;
    expect(Object.keys(json)).toEqual(['schemes', 'from', 'to', 'currency', 'managers', 'periods', 'manager_totals', 'difference', 'reach', 'totals', 'warnings', 'issues']);
    expect(json.schemes).toEqual(['Базовая', 'Новая']);
    // Базовая 09: 83 000 + 45 000 = 128 000; Новая 09: 69 500 + 30 000 = 99 500
    expect(json.periods[0].schemes.map((s) => s.payroll)).toEqual([128000, 99500]);
    expect(json.manager_totals).toEqual([
      { manager: IVANOV, totals: [171000, 143500], difference: -27500 },
      { manager: PETROV, totals: [102000, 68000], difference: -34000 },
    ]);
    // the over-limit warnings also go to stderr, never into the JSON stream
    expect(out.stderr).toContain('больше лимита 15 %');
  });

  it('human output: a table per period, per-manager totals, the warnings', async () => {
    const { io: cli, out } = io();
    const code = await runSimulateCommand([book, '--simulate=Базовая,Новая', '--from=2026-09', '--to=2026-10', '--managers', 'Иванов Иван'], cli);
    expect(code).toBe(0);
    expect(out.stdout).toContain('Период 2026-09');
    expect(out.stdout).toContain('Период 2026-10');
    expect(out.stdout).toMatch(/Иванов Иван\s+83 000,00 ₽\s+69 500,00 ₽\s+-13 500,00 ₽/);
    expect(out.stdout).not.toContain(PETROV);
    expect(out.stdout).toContain('Новая, 2026-09: ФОТ');
  });

  it.each([
    [['--simulate', 'Нет такой', '--from', '2026-09', '--to', '2026-10'], /Схема «Нет такой» не найдена/],
    [['--simulate', 'Базовая', '--from', '2026-10', '--to', '2026-09'], /позже/],
    [['--simulate', 'Базовая', '--from', '2026-13', '--to', '2026-09'], /Период «2026-13» не распознан/],
    [['--simulate', 'Базовая'], /--from и --to/],
    [['--simulate', 'Базовая', '--from', '2026-09', '--to', '2026-10', '--bogus'], /Использование/],
  ])('%j → exit 2, one line on stderr, nothing on stdout', async (args, message) => {
    const { io: cli, out } = io();
    const code = await runSimulateCommand([book, ...(args as string[])], cli);
    expect(code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(message as RegExp);
  });

  it('--out writes the simulation tab into a copy of the workbook', async () => {
    const { io: cli } = io();
    const file = join(dir, 'sim.xlsx');
    expect(await runSimulateCommand([book, '--simulate', 'Базовая', '--from', '2026-09', '--to', '2026-10', '--out', file, '--json'], cli)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['Сделки', 'Планы', 'Схемы']);
    const tab = wb.worksheets[3];
    expect(tab.name).toMatch(/^Симуляция/);
    const periodRow = tab.getSheetValues().find((r) => Array.isArray(r) && r[1] === '2026-09') as unknown[];
    expect(periodRow[2]).toBe(128000);
  });
});

describe.skipIf(!existsSync(CLI))('the built command dispatches --simulate', () => {
  it('kpi-payouts book.xlsx --simulate … --json; a bad scheme exits 2', async () => {
    const run = promisify(execFile);
    const ok = await run('node', [CLI, book, '--simulate', 'Базовая', '--from', '2026-09', '--to', '2026-09', '--json'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(JSON.parse(ok.stdout).totals[0].payroll).toBe(128000);
    const bad = await run('node', [CLI, book, '--simulate', 'Nope', '--from', '2026-09', '--to', '2026-09']).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stdout: string }).stdout).toBe('');
    expect((bad as { stderr: string }).stderr).toMatch(/Nope/);
  });
});

describe.skipIf(!existsSync(DEMO))('the demo workbook, 2025-11…2026-10', () => {
  it('two of its schemes for everyone: 12 periods, every manager paid, sums consistent, shares plausible', async () => {
    const { io: cli, out } = io();
    const code = await runSimulateCommand([DEMO, '--simulate', 'Оклад + % + бонусы,Оплаты × KPI', '--from', '2025-11', '--to', '2026-10', '--json'], cli);
    expect(out.stderr.split('\n').filter((l) => /Неожиданная|unexpected/i.test(l))).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out.stdout) as SimulationJson;
    expect(json.periods.map((p) => p.period)).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10',
    ]);
    expect(json.manager_totals.length).toBeGreaterThanOrEqual(3);
    for (const p of json.periods) {
      for (const s of p.schemes) {
        const sum = s.managers.reduce((acc, m) => acc + Math.round(m.total * 100), 0) / 100;
        expect(s.payroll).toBeCloseTo(sum, 2);
        for (const m of s.managers) expect(m.total).toBeGreaterThan(0); // at least the salary
        if (s.share !== null) {
          expect(s.share).toBeGreaterThan(0);
          expect(s.share).toBeLessThan(5);
        }
      }
    }
    // the KPI scheme has `лимит, маржа, 15%`
    expect(json.periods[0].schemes[1].limit_share).toBe(0.15);
    for (const d of json.difference!) expect(d.difference).toBeCloseTo(d.second - d.first, 2);
  });
});

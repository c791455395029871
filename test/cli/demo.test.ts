/**
 * The committed demo workbook: what `npm run demo` pays (the built CLI on demo/demo-workbook.xlsx,
 * period 2026-10), and that `npm run make-demo` regenerates exactly the committed cells.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook } from '../../scripts/make-demo';
import { rawWorkbookOf } from '../../src/cli/xlsxRead';

const ROOT = resolve(__dirname, '../..');
const DEMO = join(ROOT, 'demo/demo-workbook.xlsx');

describe('demo/demo-workbook.xlsx', () => {
  it('is small and laid out in Russian: Сделки, Оплаты, Планы, Показатели, Схемы', async () => {
    expect(statSync(DEMO).size).toBeLessThan(300 * 1024);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(DEMO) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Сделки', 'Оплаты', 'Планы', 'Показатели', 'Схемы']);
  });

  it('make-demo regenerates exactly the committed cells', async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.load(readFileSync(DEMO) as unknown as ArrayBuffer);
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load((await buildDemoWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    const opts = { timeZone: 'Europe/Moscow' };
    expect(rawWorkbookOf(fresh, opts).sheets).toEqual(rawWorkbookOf(committed, opts).sheets);
  });

  it('npm run demo: 10 managers paid for 2026-10, the 5 planted bad rows listed, every statement adds up', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/kpi-payouts.js'), DEMO, '--period', '2026-10', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.period).toBe('2026-10');
    expect(json.currency).toBe('RUB');
    expect(json.managers).toHaveLength(10);
    expect(json.issues.map((i: any) => [i.sheet, i.column, i.value])).toEqual(
      expect.arrayContaining([
        ['Сделки', 'Статус', 'передумал'],
        ['Сделки', 'Дата', '31.02.2026'],
        ['Сделки', 'Сумма', 'abc'],
        ['Оплаты', 'Номер сделки', 'ЗК-99999'],
      ]),
    );
    expect(json.issues.some((i: any) => /ЗК-\d+/.test(i.value) && i.sheet === 'Сделки')).toBe(true); // the duplicate id
    for (const m of json.managers) {
      // Σ lines = total to the kopeck (integers of kopecks, no float drift)
      const kopecks = m.lines.reduce((s: number, l: any) => s + Math.round(l.amount * 100), 0);
      expect(kopecks).toBe(Math.round(m.total * 100));
      expect(Math.round((m.salary + m.variable) * 100)).toBe(Math.round(m.total * 100));
    }
    const schemes = new Set(json.managers.map((m: any) => m.scheme));
    expect([...schemes].sort()).toEqual(['Оклад + % + бонусы', 'Оплаты × KPI', 'Партнёрская схема']);
  });
});

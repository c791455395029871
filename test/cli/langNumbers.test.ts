/**
 * `--lang` is the language of the output, not of the workbook (SPEC §4, docs/DECISIONS.md): a text
 * `30,000` in a Russian workbook is 30 (a decimal comma) whether the messages are Russian or English,
 * in Deals and in Schemes alike, through the CLI on a real .xlsx. Before, `--lang en` read it as
 * thirty thousand: a silent thousandfold payout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { runCli } from '../../src/cli/run';
import { bookOf, save } from './fixtures';
import { runSimulateCommand } from '../../src/cli/simulate';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-lang-numbers-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function saveBook(file: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  return save(bookOf(sheets), join(dir, file));
}

const io = (out: { stdout: string; stderr: string }) => ({
  stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t),
  now: () => new Date('2026-11-05T09:00:00Z'), env: { LANG: 'en_US.UTF-8' }, cwd: dir,
});

async function run(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, io(out));
  return { code, ...out };
}

/**
 * A Russian workbook with text numbers as a 1C export may hold them: deal amounts `30,000` and
 * `1 200,000` (30 and 1 200 in Russian), and a salary typed as the text `20,000` (20).
 */
const russianBook = (): Record<string, CellValue[][]> => ({
  'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['05.11.2026', 'Иванов', '30,000'], ['06.11.2026', 'Иванов', '1 200,000']],
  'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-11', 'Иванов', 'S', 1000]],
  'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', '20,000'], ['S', 'процент', 'выручка', '10%', '']],
});

describe('--lang does not change how text numbers read', () => {
  it('a Russian workbook: 20 + 10 % × (30 + 1 200) = 20 + 123 = 143, with --lang ru, --lang en or none', async () => {
    const file = await saveBook('ru-numbers.xlsx', russianBook());
    for (const lang of [[], ['--lang', 'ru'], ['--lang', 'en']]) {
      const r = await run([file, '--period', '2026-11', '--json', ...lang]);
      expect(r.code, r.stderr).toBe(0);
      const m = JSON.parse(r.stdout).managers;
      // salary 20 (not 20 000), revenue 30 + 1 200 = 1 230 (not 31 200), 10 % × 1 230 = 123
      expect(m.map((x: { manager: string; total: number }) => [x.manager, x.total]), `with ${lang.join(' ') || 'no --lang'}`).toEqual([['Иванов', 143]]);
    }
    // The output is still in the language asked for: 143.00 in English number format.
    const text = await run([file, '--period', '2026-11', '--lang', 'en']);
    expect(text.stdout).toContain('Payouts for 2026-11');
    expect(text.stdout).toContain('143.00');
  });

  it('an English workbook keeps its own reading under --lang ru: 30,000 is thirty thousand (10 % = 3 000)', async () => {
    const file = await saveBook('en-numbers.xlsx', {
      Deals: [['Date', 'Manager', 'Amount'], ['2026-11-05', 'Ivanov', '30,000']],
      Plans: [['Period', 'Manager', 'Scheme', 'Revenue'], ['2026-11', 'Ivanov', 'S', 100000]],
      Schemes: [['Scheme', 'Rule', 'Metric', 'Rate', 'Amount'], ['S', 'salary', '', '', '1,000'], ['S', 'percent', 'revenue', '10%', '']],
    });
    for (const lang of [[], ['--lang', 'ru']]) {
      const r = await run([file, '--period', '2026-11', '--json', ...lang]);
      expect(r.code, r.stderr).toBe(0);
      // salary 1 000 + 10 % × 30 000 = 4 000
      expect(JSON.parse(r.stdout).managers.map((x: { total: number }) => x.total), `with ${lang.join(' ') || 'no --lang'}`).toEqual([4000]);
    }
  });

  it('an Adjustments (Корректировки) amount too: 20 + 1,5 = 21,5 under every --lang (a text 1,500 is 1.5)', async () => {
    const file = await saveBook('ru-adjustment.xlsx', {
      'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['05.11.2026', 'Иванов', 1000]],
      'Планы': [['Период', 'Менеджер', 'Схема'], ['2026-11', 'Иванов', 'S']],
      'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', 20]],
      'Корректировки': [['Период', 'Менеджер', 'Сумма', 'Причина'], ['2026-11', 'Иванов', '1,500', 'премия']],
    });
    for (const lang of [[], ['--lang', 'ru'], ['--lang', 'en']]) {
      const r = await run([file, '--period', '2026-11', '--json', ...lang]);
      expect(r.code, r.stderr).toBe(0);
      // salary 20 + adjustment 1.5 = 21.5 (it was 20 + 1 500 = 1 520 with --lang en)
      expect(JSON.parse(r.stdout).managers.map((x: { total: number }) => x.total), `with ${lang.join(' ') || 'no --lang'}`).toEqual([21.5]);
    }
  });

  it('--simulate reads the workbook the same way under --lang en (the salary is 20, not 20 000)', async () => {
    const file = await saveBook('ru-numbers-sim.xlsx', russianBook());
    const out = { stdout: '', stderr: '' };
    const code = await runSimulateCommand([file, '--simulate', 'S', '--from', '2026-11', '--to', '2026-11', '--json', '--lang', 'en'], io(out));
    expect(code, out.stderr).toBe(0);
    const managers = JSON.parse(out.stdout).periods[0].schemes[0].managers;
    // 20 + 10 % × 1 230 = 143, as the main run
    expect(managers.map((m: { manager: string; total: number }) => [m.manager, m.total])).toEqual([['Иванов', 143]]);
  });
});

/**
 * The corruption property (test/workbook/corruption.property.test.ts) on a few cases through the
 * BUILT command (`kpi-payouts WORKBOOK.xlsx --json`): the workbook is written to .xlsx with
 * exceljs, and the corrupted run's totals and issues are judged against the clean run's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../src/workbook/raw';
import { cleanSpec, cleanWorkbook, corrupt, corruptionArgs, judge, Tally, CLASSES } from '../workbook/corruption.fixture';

const BIN = join(resolve(__dirname, '../..'), 'bin/kpi-payouts.js');
const dir = mkdtempSync(join(tmpdir(), 'kpi-corrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runCli(wb: RawWorkbook, name: string) {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    for (const row of s.values) ws.addRow(row as ExcelJS.CellValue[]);
  }
  const file = join(dir, `${name}.xlsx`);
  await book.xlsx.writeFile(file);
  // spawn, not spawnSync: the test worker keeps answering the runner while the command runs
  const r = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, file, '--period', '2026-11', '--today', '2026-12-01', '--json']);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout }));
  });
  if (r.status === 2) return null; // stopped with a message
  expect(r.status).toBe(0);
  const json = JSON.parse(r.stdout) as { managers: { manager: string; total: number }[]; issues: { sheet: string; row: number | null }[] };
  return { totals: Object.fromEntries(json.managers.map((m) => [m.manager, m.total])), issues: json.issues };
}

describe('a single corrupted cell, through the built CLI', () => {
  it('one case per corruption class: unchanged, an issue on that cell, or a stop', async () => {
    const tally = new Tally();
    const specs = fc.sample(cleanSpec, { numRuns: CLASSES.length, seed: 11 });
    const args = fc.sample(corruptionArgs, { numRuns: CLASSES.length, seed: 12 });
    for (let i = 0; i < CLASSES.length; i++) {
      const clean = (await runCli(cleanWorkbook(specs[i]), `clean${i}`))!;
      expect(clean.issues).toEqual([]);
      const { wb, corruption } = corrupt(cleanWorkbook(specs[i]), CLASSES[i], args[i].pick, args[i].how, args[i].at);
      const after = await runCli(wb, `bad${i}`);
      const outcome = judge(clean.totals, after?.totals ?? null, after?.issues ?? null, corruption);
      tally.add(corruption.kind, outcome);
      expect(outcome, `${corruption.sheet} row ${corruption.row + 1}: «${corruption.before}» → «${corruption.after}»`).not.toBe('VIOLATION');
    }
    console.log(`corruption property (CLI), ${tally.total()} cases:\n${tally.text()}`);
  }, 180_000);
});

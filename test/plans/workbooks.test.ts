/**
 * SPEC §14, one hand-worked workbook per feature (handWorked.ts holds the books and the arithmetic),
 * each run twice through what users run: `kpi-payouts --json` (the built dist/cli.mjs) on a real
 * .xlsx written with exceljs, and *Generate payouts* in the built bundle (build/Code.js in node:vm
 * over the strict fake Sheets), reading each statement tab's lines and total back from the cells.
 * Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { LINE_COLS } from '../../src/workbook/tabs';
import type { FakeSheet } from '../harness/fakeSpreadsheetApp';
import { generatedNames, plain, rig } from '../sheets/setup';
import { HAND_WORKED, type ExpectedLine, type HandWorkedCase } from './handWorked';
import { rawOf, saveXlsx } from './scenarios';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
let dir = '';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-plans-hand-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Texts as a reader sees them: the formatter's no-break and thin spaces as plain ones. */
const plainSpaces = (t: string) => t.replace(/[\u00a0\u202f\u2009]/g, ' ');
const kopecks = (n: number) => Math.round(n * 100);

interface JsonLine { rule: string; amount: number; explanation: string }
interface Json { managers: { manager: string; lines: JsonLine[]; total: number }[]; issues: { sheet: string; row: number; column: string; value: unknown }[] }

function cli(file: string, period: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, file, '--period', period, '--json'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function expectIssues(c: HandWorkedCase, issues: Json['issues']): void {
  for (const want of c.issues ?? []) expect(issues).toContainEqual(expect.objectContaining(want));
}

describe('kpi-payouts --json on a real .xlsx (built CLI)', () => {
  for (const c of HAND_WORKED) {
    it(`${c.name}: the hand-worked statement lines and totals`, async () => {
      const file = await saveXlsx(c.book, join(dir, `${c.name.replace(/\W+/g, '-')}-${c.period}.xlsx`));
      const r = await cli(file, c.period);
      expect(r.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/);
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as Json;
      const got = Object.fromEntries(json.managers.map((m) => [m.manager, { lines: m.lines.map((l): ExpectedLine => [l.rule, l.amount]), total: m.total }]));
      expect(got).toEqual(c.pay);
      for (const m of json.managers) expect(m.lines.reduce((s, l) => s + kopecks(l.amount), 0)).toBe(kopecks(m.total));
      for (const [manager, words] of Object.entries(c.says ?? {})) {
        const text = plainSpaces(json.managers.find((m) => m.manager === manager)!.lines.map((l) => l.explanation).join('\n'));
        for (const w of words) expect(text).toContain(w);
      }
      expectIssues(c, json.issues);
    });
  }
});

/** A statement tab's lines (from the header row to the first blank row) and its total, as the cells hold them. */
function statement(sheet: FakeSheet): { labels: string[]; amounts: number[]; total: number; text: string } {
  const rows = sheet._dump();
  const header = rows.findIndex((r) => r[0] === msg('ru', 'tabs.lines.rule'));
  expect(header, `the lines' header on ${sheet._name}`).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > header && r.every((v) => v === '' || v === null));
  const lines = rows.slice(header + 1, end);
  const total = rows.find((r) => r[0] === msg('ru', 'tabs.total.total'));
  expect(total, `the total on ${sheet._name}`).toBeDefined();
  return {
    labels: lines.map((r) => String(r[LINE_COLS.rule])),
    amounts: lines.map((r) => r[LINE_COLS.amount] as number),
    total: total![LINE_COLS.amount] as number,
    text: plainSpaces(lines.map((r) => String(r[LINE_COLS.explanation])).join('\n')),
  };
}

describe('generatePayouts in the built bundle (fake Sheets): the statement tabs', () => {
  for (const c of HAND_WORKED) {
    it(`${c.name}: each statement's lines and total, read from the tab`, () => {
      const { gas, ss } = rig(rawOf(c.book));
      const json = plain(gas.call('generatePayouts', c.period)) as Json;
      const statements = generatedNames(ss).filter((n) => n !== msg('ru', 'tabs.summaryTabName', { period: c.period }));
      expect(statements.sort()).toEqual(Object.keys(c.pay).map((m) => `${m} · ${c.period}`).sort());
      for (const [manager, want] of Object.entries(c.pay)) {
        const tab = statement(ss._sheet(`${manager} · ${c.period}`)!);
        expect(tab.amounts, manager).toEqual(want.lines.map(([, amount]) => amount));
        expect(tab.labels.every((l) => l !== '' && l !== 'undefined')).toBe(true);
        expect(tab.total, manager).toBe(want.total);
        expect(tab.amounts.reduce((s, a) => s + kopecks(a), 0)).toBe(kopecks(tab.total));
        for (const w of c.says?.[manager] ?? []) expect(tab.text).toContain(w);
      }
      expectIssues(c, json.issues);
    });
  }
});

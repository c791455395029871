/**
 * The BUILT `kpi-payouts` (dist/cli.mjs): --help lists every option and the exit codes; unknown,
 * repeated and refused options exit 2 with the reason on one line; the text output lists the
 * issues themselves (the first 20, then how many more), not only their count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { CLI_OPTIONS } from '../../src/cli/options';
import { englishWorkbook, save } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
let dir = '';
let en = '';
let many = '';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 25 deals with the amount "abc" (rows 3…27) beside one good deal: 25 issues. */
function manyIssuesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const deals = wb.addWorksheet('Deals');
  deals.addRow(['Date', 'Manager', 'Amount']);
  deals.addRow([new Date(Date.UTC(2026, 10, 3)), 'Alice', 1000]);
  for (let i = 0; i < 25; i++) deals.addRow([new Date(Date.UTC(2026, 10, 4)), 'Alice', 'abc']);
  const schemes = wb.addWorksheet('Schemes');
  schemes.addRow(['Scheme', 'Rule', 'Metric', 'Rate', 'Amount']);
  schemes.addRow(['Basic', 'salary', '', '', 1000]);
  return wb;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-cli-opts-'));
  en = await save(englishWorkbook(), join(dir, 'en.xlsx'));
  many = await save(manyIssuesWorkbook(), join(dir, 'many.xlsx'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--help', () => {
  it('explains every option of the one list, and the exit codes', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const o of CLI_OPTIONS) {
      expect(r.stdout).toContain(o.name);
      expect(r.stdout).toContain(msg('en', o.help));
    }
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/^ {2}2 {2}something to fix first/m);
    expect(r.stdout).toMatch(/^ {2}--lang ru\|en +the language of the output/m);
  });
});

describe('refused options: exit 2, one line saying why', () => {
  const cases: [string, string[], string][] = [
    ['--lang de', ['--lang', 'de'], '--lang "de" is not a language of KPI Payouts: write ru or en.'],
    ['--currency ₽', ['--currency', '₽'], '--currency "₽" is not a currency code: write three letters, e.g. RUB, USD, EUR.'],
    ['--period twice', ['--period', '2026-11', '--period=2026-10'], 'Option --period is given twice; give it once.'],
    ['--json twice', ['--json', '--json'], 'Option --json is given twice; give it once.'],
    ['an unknown option', ['--perod', '2026-11'], 'Unknown option --perod; kpi-payouts --help lists the options.'],
    ['a bad --period', ['--period', '2026-13'], 'Period "2026-13" is not a month (YYYY-MM) or a quarter (YYYY-Qn), e.g. 2026-11.'],
  ];
  for (const [name, args, line] of cases) {
    it(name, () => {
      const r = cli([en, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toEqual([line]);
      expect(r.stdout).toBe('');
    });
  }
  it('in simulate too: --lang de', () => {
    const r = cli([en, '--simulate', 'Basic', '--from', '2026-10', '--to', '2026-11', '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--lang "de" is not a language of KPI Payouts: write ru or en.');
  });
  it('good values pass: --lang EN, --currency usd', () => {
    const r = cli([en, '--period', '2026-11', '--lang', 'EN', '--currency', 'usd', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).currency).toBe('USD');
  });
});

describe('the issues in the text output', () => {
  it('the English workbook: its one issue with sheet, row and column', () => {
    const r = cli([en, '--period', '2026-11', '--today', '2026-12-01', '--out', join(dir, 'o1.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Data issues: 1\nIssues:\n- Deals, row 8, Amount: ');
  });

  it('25 bad amounts: the first 20 (rows 3…22), then "… and 5 more"', () => {
    const r = cli([many, '--period', '2026-11', '--today', '2026-12-01', '--out', join(dir, 'o2.xlsx')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Issues:');
    expect(lines[at - 1]).toBe('Data issues: 25');
    const listed = lines.slice(at + 1, at + 21);
    expect(listed.map((l) => /^- Deals, row (\d+), Amount: /.exec(l)?.[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 3)));
    expect(lines[at + 21]).toBe('… and 5 more (all of them: the summary tab, or --json)');
  });
});

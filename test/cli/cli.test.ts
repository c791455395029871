/**
 * The BUILT command (`node bin/kpi-payouts.js`, i.e. dist/cli.mjs from `npm run build`) on small
 * .xlsx fixtures: totals, exit codes, text that must stay text, determinism, and a LibreOffice
 * read-back of the written numbers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN_EXPECTED, englishWorkbook, FORMULA_LOOKING, noDealsWorkbook, RU_EXPECTED, russianWorkbook, save } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
let dir = '';
let en = '';
let ru = '';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-cli-'));
  en = await save(englishWorkbook(), join(dir, 'en.xlsx'));
  ru = await save(russianWorkbook(), join(dir, 'ru.xlsx'));
  await save(noDealsWorkbook(), join(dir, 'nodeals.xlsx'));
  writeFileSync(join(dir, 'garbage.xlsx'), 'this is not a zip');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--json on hand-worked workbooks', () => {
  it('English: Alice 1 000 + 550 + 500 = 2 050, Bob 1 000 + 150 = 1 150, one issue', () => {
    const r = cli([en, '--period', '2026-11', '--json']);
    expect(r.stderr).not.toMatch(/at .*\.(m?js|ts):\d+/); // never a stack trace
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout); // stdout is ONLY the JSON
    expect(json.period).toBe('2026-11');
    expect(json.currency).toBe('RUB'); // an .xlsx has no country: RUB unless --currency
    const byName = Object.fromEntries(json.managers.map((m: any) => [m.manager, { salary: m.salary, variable: m.variable, total: m.total }]));
    expect(byName).toEqual(EN_EXPECTED);
    const alice = json.managers.find((m: any) => m.manager === 'Alice');
    expect(alice.lines.map((l: any) => l.amount)).toEqual([1000, 550, 500]);
    expect(json.issues).toHaveLength(1);
    expect(json.issues[0]).toMatchObject({ sheet: 'Deals', row: 8, value: 'abc' });
  });

  it('Russian 1C text numbers: Иванов 30 000 + 60 000 + 2 000 = 92 000', () => {
    const r = cli([ru, '--period=2026-11', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.currency).toBe('RUB');
    const byName = Object.fromEntries(json.managers.map((m: any) => [m.manager, { salary: m.salary, variable: m.variable, total: m.total }]));
    expect(byName).toEqual(RU_EXPECTED);
    expect(json.issues).toEqual([]);
  });

  it('without --period: the last complete month before --today', () => {
    const r = cli([en, '--today', '2026-12-05', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe('2026-11');
  });
});

describe('the summary on stdout and payouts.xlsx', () => {
  it('prints a table per manager in the workbook language and writes payouts.xlsx by default', () => {
    const r = cli([ru, '--period', '2026-11', '--today', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Выплаты за 2026-11 (RUB)');
    expect(r.stdout).toMatch(/Иванов Иван\s+Стандарт\s+30 000,00\s+62 000,00\s+92 000,00\s+100,00\s%/);
    expect(r.stdout).toContain('Замечаний к данным: 0');
    expect(existsSync(join(dir, 'payouts.xlsx'))).toBe(true);
  });
});

describe('user errors: one line on stderr, exit code 2', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => [join(dir, 'nope.xlsx')], /^File not found: .*nope\.xlsx$/],
    ['a file that is not an .xlsx', () => [join(dir, 'garbage.xlsx')], /^".*garbage\.xlsx" is not an Excel workbook: expected \.xlsx\. Save the spreadsheet as \.xlsx/],
    ['no Deals sheet', () => [join(dir, 'nodeals.xlsx'), '--period', '2026-11'], /Deals|Сделки/],
    ['a bad --period', () => [en, '--period', '2026-13'], /^Period "2026-13" is not a month \(YYYY-MM\) or a quarter/],
    ['an unknown option', () => [en, '--frobnicate'], /^Unknown option --frobnicate/],
    ['no workbook', () => [], /^Give the workbook to read/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = cli(args());
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
  it('the bin shim without dist/cli.mjs says to run npm run build', () => {
    const shimDir = join(dir, 'pkg', 'bin');
    mkdirSync(shimDir, { recursive: true });
    copyFileSync(BIN, join(shimDir, 'kpi-payouts.js'));
    const r = spawnSync(process.execPath, [join(shimDir, 'kpi-payouts.js'), en], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('kpi-payouts: dist/cli.mjs is missing: run npm run build');
  });
  it('a bad period in a Russian workbook is reported in Russian', () => {
    const r = cli([ru, '--period', 'ноябрь']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Период «ноябрь» — не месяц (ГГГГ-ММ) и не квартал (ГГГГ-Qn), например 2026-11.');
  });
});

async function generatedSheets(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

function sheetCells(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as any;
      cells[c - 1] = v instanceof Date ? v.toISOString() : v && typeof v === 'object' && 'text' in v ? v.text : v;
    });
    out[r - 1] = cells;
  });
  return out;
}

describe('the written workbook', () => {
  let out = '';
  beforeAll(() => {
    out = join(dir, 'en-out.xlsx');
    const r = cli([en, '--period', '2026-11', '--today', '2026-12-01', '--out', out, '--currency', 'usd']);
    expect(r.code).toBe(0);
  });

  it('keeps the input sheets and adds the summary and one tab per manager', async () => {
    const wb = await generatedSheets(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Deals', 'Plans', 'Schemes', 'Payouts · 2026-11', 'Alice · 2026-11', 'Bob · 2026-11']);
    const summary = wb.getWorksheet('Payouts · 2026-11')!;
    const cells = sheetCells(summary);
    const t = cells.findIndex((r) => r?.[1] === 'Company total');
    // salary 1 000 + 1 000 = 2 000; variable 1 050 + 150 = 1 200; total 2 050 + 1 150 = 3 200
    expect(cells[t].slice(3, 6)).toEqual([2000, 1200, 3200]);
    expect(summary.getCell(t + 1, 6).numFmt).toBe('#,##0.00 "$";-#,##0.00 "$"');
    expect(summary.getCell(t + 1, 6).font?.bold).toBe(true);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('formula-looking client names stay text: string cells, no formula', async () => {
    const wb = await generatedSheets(out);
    const alice = wb.getWorksheet('Alice · 2026-11')!;
    const found = new Map<string, ExcelJS.Cell>();
    alice.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && FORMULA_LOOKING.includes(cell.value)) found.set(cell.value, cell);
    }));
    expect([...found.keys()].sort()).toEqual([...FORMULA_LOOKING].sort());
    for (const cell of found.values()) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f>|<f /);
    }
  });

  it('has a real chart on the summary tab and location-only links to the offending rows', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain("'Payouts · 2026-11'!$F$5:$F$6");
    // the money axis is titled with the workbook's currency ($ from --currency usd), the 100 % line is a dashed series of column K
    expect(chart).toMatch(/<c:valAx><c:axId val="1002"\/>.*<c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"\/><a:p><a:r><a:t>Payout, \$<\/a:t>/);
    expect(chart).toContain('<a:t>Plan attainment, %</a:t>');
    expect(chart).toMatch(/<c:tx><c:v>Plan \(100%\)<\/c:v><\/c:tx><c:spPr><a:ln w="15875">.*<a:prstDash val="dash"\/>.*<c:f>'Payouts · 2026-11'!\$K\$5:\$K\$6<\/c:f>/);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xmls = await Promise.all(sheets.map((n) => zip.file(n)!.async('string')));
    const summaryXml = xmls.find((x) => x.includes('<drawing '))!;
    expect(summaryXml).toMatch(/<hyperlink ref="B\d+" location="&apos;Deals&apos;!A8"\/>/);
  });

  it('regenerating gives identical JSON and identical cells', async () => {
    const a = cli([en, '--period', '2026-11', '--today', '2026-12-01', '--json', '--out', join(dir, 'a.xlsx')]);
    const b = cli([en, '--period', '2026-11', '--today', '2026-12-01', '--json', '--out', join(dir, 'b.xlsx')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const [wa, wb] = [await generatedSheets(join(dir, 'a.xlsx')), await generatedSheets(join(dir, 'b.xlsx'))];
    expect(wa.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    for (const ws of wa.worksheets) expect(sheetCells(ws)).toEqual(sheetCells(wb.getWorksheet(ws.name)!));
  });
});

function sofficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('LibreOffice reads the numbers back', () => {
  const have = sofficeAvailable();
  if (!have && process.env.CI === 'true') {
    it('soffice must be installed on CI', () => {
      throw new Error('LibreOffice (soffice) is not installed, and CI=true');
    });
    return;
  }
  it.skipIf(!have)('every sheet converts to CSV with the totals as numbers', () => {
    const out = join(dir, 'lo.xlsx');
    expect(cli([en, '--period', '2026-11', '--today', '2026-12-01', '--out', out]).code).toBe(0);
    const csvDir = join(dir, 'csv');
    // Filter token 12 = -1: one CSV per sheet (LibreOffice 7.2+). Own profile: others may run soffice too.
    const r = spawnSync('soffice', [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, out,
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const files = readdirSync(csvDir);
    const summaryFile = files.find((f) => f.includes('Payouts'));
    expect(summaryFile).toBeDefined();
    const rows = readFileSync(join(csvDir, summaryFile!), 'utf8').split('\n').map((l) => l.split(','));
    // rank, manager, scheme, salary, variable, total: Alice (2 050) ranks above Bob (1 150)
    expect(rows.find((c) => c[1] === 'Alice')?.slice(0, 1).concat(rows.find((c) => c[1] === 'Alice')!.slice(3, 6))).toEqual(['1', '1000', '1050', '2050']);
    expect(rows.find((c) => c[1] === 'Bob')?.slice(0, 1).concat(rows.find((c) => c[1] === 'Bob')!.slice(3, 6))).toEqual(['2', '1000', '150', '1150']);
    expect(rows.find((c) => c[1] === 'Company total')?.slice(3, 6)).toEqual(['2000', '1200', '3200']);
    const aliceFile = files.find((f) => f.includes('Alice'))!;
    const alice = readFileSync(join(csvDir, aliceFile), 'utf8');
    expect(alice).toContain('"=HYPERLINK(""x"")"');
    expect(alice).toMatch(/^TOTAL TO PAY,,,,,,2050/m);
  }, 180_000);
});

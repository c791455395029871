/**
 * `kpi-payouts demo/demo-workbook.xlsx --period 2026-10 --statements DIR` (SPEC §12), the BUILT
 * command: exactly one .xlsx per paid manager holding only their statement (no other manager's
 * name in any part of the file: sheets, shared strings, defined names), print setup A4 landscape
 * one page wide, and — with LibreOffice — a PDF beside each, one A4 landscape page for every
 * statement with up to 30 deals. LibreOffice is required under CI=true; locally the PDF checks are
 * skipped only when `soffice` is absent.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice, statementFileName } from '../../src/cli/statements';
import { loadWorkbookFile } from '../../src/cli/load';
import { emptyPackage, writeWorkbook } from '../../src/cli/xlsxWrite';
import { runPayouts } from '../../src/workbook/pipeline';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
const DEMO = join(ROOT, 'demo/demo-workbook.xlsx');
const SOFFICE = findSoffice(process.env);
const IN_CI = process.env.CI === 'true';
let dir = '';
let managers: { manager: string; total: number }[] = [];
let stderr = '';

/** Pages and their sizes (points), read from the PDF's page objects (LibreOffice writes them uncompressed). */
function pdfPages(file: string): { pages: number; sizes: [number, number][] } {
  const text = readFileSync(file).toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m): [number, number] => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
  return { pages, sizes };
}

/** Every part of an .xlsx (sheets, shared strings, workbook with its defined names, properties) as text. */
async function xlsxText(file: string): Promise<{ all: string; workbook: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => `${f.name}\n${await f.async('string')}`));
  return { all: parts.join('\n'), workbook: await zip.file('xl/workbook.xml')!.async('string') };
}

/** The built command, run without blocking the test worker (LibreOffice takes a while). */
const run = promisify(execFile);

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-statements-'));
  const json = await run(process.execPath, [BIN, DEMO, '--period', '2026-10', '--json', '--today', '2026-11-05'], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
  managers = JSON.parse(json.stdout).managers;
  // exit code 0, or execFile rejects
  const r = await run(process.execPath, [BIN, DEMO, '--period', '2026-10', '--statements', 'out', '--today', '2026-11-05'], {
    cwd: dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, LANG: 'ru_RU.UTF-8' },
  });
  stderr = r.stderr;
  if (SOFFICE) expect(stderr).toContain('Рядом с каждым — PDF (LibreOffice).');
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--statements DIR on the demo', () => {
  it('writes exactly one .xlsx per paid manager, and no payouts.xlsx', () => {
    expect(managers).toHaveLength(10);
    const files = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.xlsx')).sort();
    expect(files).toEqual(managers.map((m) => `${m.manager} 2026-10.xlsx`).sort());
    expect(existsSync(join(dir, 'payouts.xlsx'))).toBe(false);
    expect(stderr).toContain('Расчётные листы: файлов — 10');
  });

  it('each file holds one sheet, that manager\'s statement, and no other manager\'s name anywhere', async () => {
    for (const { manager, total } of managers) {
      const file = join(dir, 'out', `${manager} 2026-10.xlsx`);
      const { all, workbook } = await xlsxText(file);
      expect((workbook.match(/<sheet /g) ?? []).length).toBe(1);
      expect(all).toContain(manager);
      for (const other of managers.map((m) => m.manager).filter((m) => m !== manager)) {
        expect(all, `${manager}'s file names ${other}`).not.toContain(other);
        expect(all, `${manager}'s file names ${other.split(' ')[0]}`).not.toContain(other.split(' ')[0]);
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0];
      // the total is the statement's, to the kopeck
      const totalRow = ws.getSheetValues().findIndex((row) => Array.isArray(row) && row[1] === 'ИТОГО К ВЫПЛАТЕ');
      expect(ws.getRow(totalRow).getCell(7).value).toBe(total);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:8');
    }
  });

  it('masks a colleague who closed a deal behind the statement (Волкова Анна: client turnover of her clients)', async () => {
    // Волкова's master-book tab lists deals Петрова Мария closed for her clients; her own file says "другой менеджер"
    const { all } = await xlsxText(join(dir, 'out', 'Волкова Анна 2026-10.xlsx'));
    expect(all).toContain('другой менеджер');
  });

  it.skipIf(!SOFFICE && !IN_CI)('beside each, a PDF of exactly one A4 landscape page (every demo statement has ≤ 30 deals)', async () => {
    expect(SOFFICE, 'LibreOffice (soffice) is required under CI').toBeTruthy();
    for (const { manager } of managers) {
      const xlsx = join(dir, 'out', `${manager} 2026-10.xlsx`);
      const ws = (await new ExcelJS.Workbook().xlsx.readFile(xlsx)).worksheets[0];
      const dealsTitle = ws.getSheetValues().findIndex((row) => Array.isArray(row) && row[1] === 'Сделки, из которых сложился расчёт');
      const deals = ws.rowCount - (dealsTitle + 1);
      expect(deals).toBeLessThanOrEqual(30);
      const { pages, sizes } = pdfPages(join(dir, 'out', `${manager} 2026-10.pdf`));
      expect(pages, `${manager}: ${deals} deals`).toBe(1);
      // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt
      for (const [w, h] of sizes) {
        expect(w).toBeCloseTo(841.89, 0);
        expect(h).toBeCloseTo(595.3, 0);
      }
      const info = spawnSync('pdfinfo', [join(dir, 'out', `${manager} 2026-10.pdf`)], { encoding: 'utf8' });
      if (!info.error) expect(info.stdout).toMatch(/Pages:\s+1\n/);
    }
  }, 420_000);

  it.skipIf(!SOFFICE && !IN_CI)('the summary, chart included, prints on one A4 landscape page', async () => {
    expect(SOFFICE, 'LibreOffice (soffice) is required under CI').toBeTruthy();
    const { raw } = await loadWorkbookFile(DEMO, { cwd: ROOT, timeZone: 'Europe/Moscow', lang: null, currency: null }, 'ru');
    const result = runPayouts(raw, { period: '2026-10', today: '2026-11-05' });
    const summary = result.tabs.find((t) => t.kind === 'summary')!;
    expect(summary.page).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: summary.frozenRows });
    expect(summary.charts).toHaveLength(1);
    const { bytes } = writeWorkbook(emptyPackage(), [{ ...summary, links: [] }], { currency: 'RUB', lang: 'ru' });
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
    const pdfDir = join(dir, 'summary');
    mkdirSync(pdfDir, { recursive: true });
    writeFileSync(join(pdfDir, 'summary.xlsx'), bytes);
    // LibreOffice in a profile of its own, without blocking the worker
    await run(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(pdfDir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, join(pdfDir, 'summary.xlsx')], { timeout: 300_000 });
    const { pages, sizes } = pdfPages(join(pdfDir, 'summary.pdf'));
    expect(pages).toBe(1);
    expect(sizes[0][0]).toBeGreaterThan(sizes[0][1]);
  }, 420_000);
});

describe.skipIf(!SOFFICE && !IN_CI)('a statement with exactly 30 deals and the richest scheme', () => {
  it('still prints on one A4 landscape page (Новиков Сергей, «Оплаты × KPI»: KPI table, notes, 30 deals)', async () => {
    expect(SOFFICE, 'LibreOffice (soffice) is required under CI').toBeTruthy();
    const MANAGER = 'Новиков Сергей';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(DEMO);
    const deals = wb.getWorksheet('Сделки')!;
    const october = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]' && (v as Date).toISOString().startsWith('2026-10');
    let model: unknown[] | null = null;
    deals.eachRow((row) => {
      const v = row.values as unknown[];
      if (!model && v[3] === MANAGER && october(v[2])) model = [...v];
    });
    expect(model).not.toBeNull();
    const file = join(dir, 'thirty.xlsx');
    const behind = async (): Promise<number> => {
      await wb.xlsx.writeFile(file);
      const { raw } = await loadWorkbookFile(file, { cwd: dir, timeZone: 'Europe/Moscow', lang: null, currency: null }, 'ru');
      const tab = runPayouts(raw, { period: '2026-10', today: '2026-11-05' }).tabs.find((t) => t.kind === 'manager' && t.name.startsWith(MANAGER))!;
      const title = tab.rows.findIndex((r) => r[0] === 'Сделки, из которых сложился расчёт');
      return tab.rows.length - (title + 2);
    };
    // add won October deals of his (new ids) until 30 stand behind his statement
    for (let n = 1, count = await behind(); count < 30; n++, count = await behind()) {
      const row = [...model!];
      row[1] = `ЗК-9${String(n).padStart(4, '0')}`;
      deals.addRow(row.slice(1));
      expect(n).toBeLessThan(40);
    }
    expect(await behind()).toBe(30);
    await run(process.execPath, [BIN, file, '--period', '2026-10', '--statements', 'thirty', '--today', '2026-11-05'], { cwd: dir, encoding: 'utf8', timeout: 600_000 });
    const { pages, sizes } = pdfPages(join(dir, 'thirty', `${MANAGER} 2026-10.pdf`));
    expect(pages).toBe(1);
    expect(sizes[0][0]).toBeCloseTo(841.89, 0);
    expect(sizes[0][1]).toBeCloseTo(595.3, 0);
  }, 660_000);
});

describe('statement file names', () => {
  it('drop characters file systems refuse and stay unique', () => {
    const taken = new Set<string>();
    expect(statementFileName('Иванов Иван', '2026-10', taken)).toBe('Иванов Иван 2026-10.xlsx');
    expect(statementFileName('иванов иван', '2026-10', taken)).toBe('иванов иван 2026-10 (2).xlsx');
    expect(statementFileName('A/B: "C"?', '2026-Q4', taken)).toBe('A_B_ _C__ 2026-Q4.xlsx');
    expect(statementFileName('..', '2026-10', taken)).toBe('2026-10.xlsx');
  });
});

/**
 * `kpi-payouts --close` writes through the package writer (src/cli/xlsxWrite.ts): every entry of
 * the user's workbook other than the lists of sheets, the styles and the Ledger sheet's own part
 * stays byte-identical; a second close appends below the first close's rows, which stay as they
 * were (the same `<row>` XML); exceljs and LibreOffice open the result.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackage } from '../../src/cli/xlsxPackage';
import { inflateEntry, rawData, readZip } from '../../src/cli/zip';
import type { RawWorkbook } from '../../src/workbook/raw';
import { ANNA, BORIS, OCTOBER, ledgerWorkbook } from './fixture';
import { ROOT, cliIn } from './cliHelper';

let dir = '';


const cli = (args: string[]) => cliIn(dir, args);

/** The fixture as exceljs writes it, plus a sheet of the user's own with a styled note. */
async function saveRaw(raw: RawWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'owner';
  for (const s of raw.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r.map((v) => (v === '' ? null : v)));
  }
  const notes = wb.addWorksheet('Заметки');
  notes.getCell('A1').value = 'Не трогать';
  notes.getCell('A1').font = { italic: true };
  await wb.xlsx.writeFile(file);
}

/** Every entry's stored (compressed) bytes. */
function stored(file: string): Map<string, Buffer> {
  const bytes = readFileSync(file);
  const out = new Map<string, Buffer>();
  for (const [name, e] of readZip(bytes)) out.set(name, Buffer.from(rawData(bytes, e)));
  return out;
}

/** The worksheet part's XML of sheet `name`. */
function sheetPart(file: string): (name: string) => { path: string; xml: string } {
  const bytes = readFileSync(file);
  const pkg = openPackage(bytes);
  return (name) => {
    const path = pkg.sheets.find((s) => s.name === name)!.path!;
    return { path, xml: inflateEntry(bytes, readZip(bytes).get(path)!).toString('utf8') };
  };
}

/** The parts --close may rewrite besides the Ledger sheet: the lists of sheets and the styles. */
const LISTS = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

async function excelRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-closepkg-'));
  await saveRaw(ledgerWorkbook(OCTOBER), join(dir, 'wb.xlsx'));
  expect(cli(['wb.xlsx', '--period', '2026-10', '--close', '--out', 'oct.xlsx']).code).toBe(0);
  expect(cli(['oct.xlsx', '--period', '2026-11', '--close', '--out', 'nov.xlsx']).code).toBe(0);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--close through the package writer', () => {
  it('keeps every other entry of the user\'s workbook byte-identical, on the first close and the second', () => {
    for (const [input, output, ledgerPath] of [['wb.xlsx', 'oct.xlsx', null], ['oct.xlsx', 'nov.xlsx', sheetPart(join(dir, 'oct.xlsx'))('Начисления').path]] as const) {
      const before = stored(join(dir, input));
      const after = stored(join(dir, output));
      const changed = [...before].filter(([name, bytes]) => !LISTS.has(name) && name !== ledgerPath && !after.get(name)?.equals(bytes)).map(([name]) => name);
      expect(changed, `${input} → ${output}`).toEqual([]);
    }
  });

  it('creates the ledger as an ordinary sheet on the first close and appends below it on the second, first rows unchanged', async () => {
    const oct = sheetPart(join(dir, 'oct.xlsx'))('Начисления');
    const nov = sheetPart(join(dir, 'nov.xlsx'))('Начисления');
    // Not marked as generated: no _kpiPayouts_ name points at it, so the next run reads it as input.
    expect(openPackage(readFileSync(join(dir, 'nov.xlsx'))).definedNames.filter((d) => d.text.includes('Начисления'))).toEqual([]);
    // October's 1 header + 6 rows, kept as the same XML in November's part.
    const octRows = [...oct.xml.matchAll(/<row\b[\s\S]*?<\/row>/g)].map((m) => m[0]);
    expect(octRows).toHaveLength(7);
    for (const row of octRows) expect(nov.xml).toContain(row);
    expect(nov.xml).not.toContain('<sheetProtection');
    expect(oct.xml).toMatch(/<dimension ref="A1:Q7"\/>/);
    expect(nov.xml).toMatch(/<dimension ref="A1:Q13"\/>/); // widened: 7 + November's 6 rows (3 each, no true-ups), 17 columns (A–Q)

    const rows = await excelRows(join(dir, 'nov.xlsx'), 'Начисления');
    expect(rows).toHaveLength(13);
    expect(rows.slice(0, 7)).toEqual(await excelRows(join(dir, 'oct.xlsx'), 'Начисления'));
    const amount = (r: unknown[]) => [r[0], r[1], r[3], r[8]];
    // October, hand-worked: Анна 30 000 salary, 5 % × (200 000 + 100 000) = 15 000, 1 % × 200 000 paid = 2 000;
    // Борис 30 000, 5 % × 50 000 = 2 500, 1 % × 0 paid = 0.
    expect(rows.slice(1, 7).map(amount)).toEqual([
      ['2026-10', ANNA, 'salary', 30000], ['2026-10', ANNA, 'percent', 15000], ['2026-10', ANNA, 'percent', 2000],
      ['2026-10', BORIS, 'salary', 30000], ['2026-10', BORIS, 'percent', 2500], ['2026-10', BORIS, 'percent', 0],
    ]);
    // November: Анна 30 000 + 5 % × 60 000 = 3 000; Борис 30 000 and nothing more.
    expect(rows.slice(7).filter((r) => r[0] === '2026-11' && r[3] === 'salary').map((r) => [r[1], r[8]])).toEqual([[ANNA, 30000], [BORIS, 30000]]);
    expect(rows.slice(7).filter((r) => r[0] === '2026-11' && r[1] === ANNA && r[3] === 'percent').map((r) => r[8])).toEqual([3000, 0]);
  });

  it('protects the closed period\'s tabs without a password, and exceljs reads it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'nov.xlsx'));
    const isProtected = (name: string) => (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
    expect(isProtected(`${ANNA} · 2026-11`)).toBe(true);
    expect(isProtected(`${ANNA} · 2026-10`)).toBe(true); // October's, carried over as it was
    expect(isProtected('Сделки')).toBe(false);
    expect(isProtected('Начисления')).toBe(false);
    expect(wb.getWorksheet('Заметки')!.getCell('A1').value).toBe('Не трогать');
  });

  it('a rerun of the closed period keeps its tabs protected and appends nothing to the ledger', () => {
    expect(cli(['oct.xlsx', '--period', '2026-10', '--out', 'rerun.xlsx']).code).toBe(0);
    const part = sheetPart(join(dir, 'rerun.xlsx'));
    expect(part('Начисления').xml).toBe(sheetPart(join(dir, 'oct.xlsx'))('Начисления').xml);
    expect(part(`${BORIS} · 2026-10`).xml).toContain('<sheetProtection sheet="1"/>');
    expect(part('Сделки').xml).not.toContain('<sheetProtection');
  }, 120_000);

  const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!haveSoffice && process.env.CI !== 'true')('LibreOffice opens the result and reads the ledger rows', () => {
    const out = join(dir, 'csv');
    const r = spawnSync('soffice', [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless',
      // 44 ',' · 34 '"' · 76 UTF-8 · the last token −1: every sheet to its own file (LibreOffice ≥ 7.2).
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(dir, 'nov.xlsx'),
    ], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const file = readdirSync(out).find((f) => f.includes('Начисления'));
    expect(file, readdirSync(out).join(', ')).toBeDefined();
    const lines = readFileSync(join(out, file!), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toMatch(/^2026-10,Анна Смирнова,Простая,salary,/);
    expect(lines[12]).toMatch(/^2026-11,Борис Петров,/);
  }, 180_000);
});

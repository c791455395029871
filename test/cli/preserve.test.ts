/**
 * SPEC §10.3 and issue 11: `--out` keeps the user's package. A workbook with an image, a chart, a
 * pivot table, data validation and conditional formats on the user's sheets, run twice with
 * `--out` (the second run on the first's output, then another period on that), keeps every one of
 * those zip entries byte-identical; the previous period's chart survives a rerun; LibreOffice and
 * exceljs both open the result. The built command is run (dist/cli.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartXml, drawingXml } from '../../src/cli/xlsxChart';
import { openPackage } from '../../src/cli/xlsxPackage';
import { inflateEntry, readZip, writeZip, type ZipPart } from '../../src/cli/zip';
import { englishWorkbook } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/kpi-payouts.js');
let dir = '';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--today', '2026-12-01', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="C1:E8" sheet="Deals"/></cacheSource><cacheFields count="2"><cacheField name="Manager" numFmtId="0"><sharedItems count="2"><s v="Alice"/><s v="Bob"/></sharedItems></cacheField><cacheField name="Client" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`;
const PIVOT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="7" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" createdVersion="6" minRefreshableVersion="3"><location ref="A3:A6" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems></pivotTableDefinition>`;

/**
 * The English fixture with: an image and data validation on Deals (exceljs), conditional formats
 * on Plans (exceljs), then — written into the zip by hand, as exceljs models neither — a chart on
 * Plans and a pivot table on its own Pivot sheet.
 */
async function richWorkbook(file: string): Promise<void> {
  const wb = englishWorkbook();
  const deals = wb.getWorksheet('Deals')!;
  deals.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 8, row: 1 }, ext: { width: 40, height: 40 } });
  deals.getCell('F2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"won,lost"'] };
  wb.getWorksheet('Plans')!.addConditionalFormatting({
    ref: 'D2:D3', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [5000], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  wb.addWorksheet('Pivot').getCell('A1').value = 'pivot below';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  const pkg = openPackage(bytes);
  const plans = pkg.sheets.find((s) => s.name === 'Plans')!.path!;
  const pivot = pkg.sheets.find((s) => s.name === 'Pivot')!.path!;
  const text = (p: string) => pkg.text(p)!;
  const relsOf = (p: string) => p.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = (list: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}</Relationships>`;
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const changed = new Map<string, string>();
  // the chart on Plans
  changed.set(plans, text(plans).replace('</worksheet>', '<drawing r:id="rIdUserChart"/></worksheet>').replace(/<worksheet\b(?![^>]*xmlns:r=)/, `<worksheet xmlns:r="${R}"`));
  const plansRels = pkg.text(relsOf(plans));
  const plansRel = `<Relationship Id="rIdUserChart" Type="${R}/drawing" Target="../drawings/userDrawing.xml"/>`;
  changed.set(relsOf(plans), plansRels ? plansRels.replace('</Relationships>', `${plansRel}</Relationships>`) : rels(plansRel));
  changed.set('xl/drawings/userDrawing.xml', drawingXml([{ chart: { title: 'Plans', kind: 'column', categories: { row: 1, col: 1, rows: 2, cols: 1 }, series: [{ title: 'Revenue', range: { row: 1, col: 3, rows: 2, cols: 1 } }], anchor: { row: 5, col: 0 } }, rId: 'rId1', id: 1 }]));
  changed.set('xl/drawings/_rels/userDrawing.xml.rels', rels(`<Relationship Id="rId1" Type="${R}/chart" Target="../charts/userChart.xml"/>`));
  changed.set('xl/charts/userChart.xml', chartXml('Plans', { title: 'Plans', kind: 'column', categories: { row: 1, col: 1, rows: 2, cols: 1 }, series: [{ title: 'Revenue', range: { row: 1, col: 3, rows: 2, cols: 1 } }], anchor: { row: 5, col: 0 } }));
  // the pivot table on Pivot
  changed.set('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE);
  changed.set('xl/pivotTables/pivotTable1.xml', PIVOT_TABLE);
  changed.set('xl/pivotTables/_rels/pivotTable1.xml.rels', rels(`<Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/>`));
  changed.set(relsOf(pivot), rels(`<Relationship Id="rId1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>`));
  changed.set('xl/_rels/workbook.xml.rels', text('xl/_rels/workbook.xml.rels').replace('</Relationships>', `<Relationship Id="rIdPivotCache" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`));
  changed.set('xl/workbook.xml', text('xl/workbook.xml').replace(/(<calcPr\b[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>'));
  const ct = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  changed.set('[Content_Types].xml', text('[Content_Types].xml').replace('</Types>',
    ct('xl/drawings/userDrawing.xml', 'drawing+xml') + ct('xl/charts/userChart.xml', 'drawingml.chart+xml') +
    ct('xl/pivotCache/pivotCacheDefinition1.xml', 'spreadsheetml.pivotCacheDefinition+xml') + ct('xl/pivotTables/pivotTable1.xml', 'spreadsheetml.pivotTable+xml') + '</Types>'));

  const parts: ZipPart[] = [];
  for (const [name, entry] of pkg.entries) parts.push(changed.has(name) ? { name, content: changed.get(name)! } : { name, copy: entry, from: bytes });
  for (const [name, content] of changed) if (!pkg.entries.has(name)) parts.push({ name, content });
  writeFileSync(file, writeZip(parts));
}

/** Every entry of an .xlsx, inflated. */
function entries(file: string): Map<string, Buffer> {
  const bytes = readFileSync(file);
  const out = new Map<string, Buffer>();
  for (const [name, e] of readZip(bytes)) out.set(name, inflateEntry(bytes, e));
  return out;
}

/** The parts the CLI may rewrite: the lists of sheets and the styles it adds to. */
const LISTS = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'kpi-preserve-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--out keeps the user’s package', () => {
  it('image, chart, pivot table, data validation, conditional formats: byte-identical over two runs and another period', async () => {
    const input = join(dir, 'rich.xlsx');
    await richWorkbook(input);
    const before = entries(input);
    // what the test put in is there to be kept
    const names = [...before.keys()];
    expect(names.some((n) => n.startsWith('xl/media/'))).toBe(true);
    expect(names).toContain('xl/charts/userChart.xml');
    expect(names).toContain('xl/pivotTables/pivotTable1.xml');
    expect(before.get('xl/workbook.xml')!.toString()).toContain('<pivotCache cacheId="7"');
    const dealsXml = before.get(openPackage(readFileSync(input)).sheets.find((s) => s.name === 'Deals')!.path!)!.toString();
    expect(dealsXml).toContain('<dataValidation');
    const plansXml = before.get(openPackage(readFileSync(input)).sheets.find((s) => s.name === 'Plans')!.path!)!.toString();
    expect(plansXml).toContain('<conditionalFormatting');

    const json1 = cli([input, '--period', '2026-11', '--out', 'one.xlsx']);
    const json2 = cli([join(dir, 'one.xlsx'), '--period', '2026-11', '--out', 'two.xlsx']);
    expect(json2).toBe(json1); // the generated sheets are not read back
    cli([join(dir, 'two.xlsx'), '--period', '2026-10', '--out', 'three.xlsx']);
    const one = entries(join(dir, 'one.xlsx'));
    const two = entries(join(dir, 'two.xlsx'));
    const three = entries(join(dir, 'three.xlsx'));
    for (const out of [one, two, three]) {
      for (const [name, content] of before) {
        if (LISTS.has(name)) continue;
        expect(out.get(name)?.equals(content), `${name} changed`).toBe(true);
      }
    }
    // November's generated parts (its chart among them) are replaced by the same bytes on the rerun,
    // and kept as they were when October is added beside them.
    const generated = [...one.keys()].filter((n) => !before.has(n));
    expect(generated.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    for (const name of generated) {
      expect(two.get(name)?.equals(one.get(name)!), `${name} differs on the rerun`).toBe(true);
      expect(three.get(name)?.equals(one.get(name)!), `${name} lost when October was added`).toBe(true);
    }
    // styles are shared and reused: the rerun adds none
    expect(two.get('xl/styles.xml')!.equals(one.get('xl/styles.xml')!)).toBe(true);
    const xfs = (one.get('xl/styles.xml')!.toString().match(/<cellXfs count="(\d+)"/) ?? [])[1];
    expect(Number(xfs)).toBeLessThan(40);

    // exceljs opens the result and sees the user's sheets and ours
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'three.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Deals', 'Plans', 'Schemes', 'Pivot', 'Payouts · 2026-11', 'Payouts · 2026-10']));
  }, 120_000);

  const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!haveSoffice)('LibreOffice opens the result', () => {
    const file = join(dir, 'three.xlsx');
    const r = spawnSync('soffice', [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'ods', '--outdir', join(dir, 'ods'), file,
    ], { encoding: 'utf8', timeout: 230_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'ods', 'three.ods'))).toBe(true);
  }, 240_000);
});

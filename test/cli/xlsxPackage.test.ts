/**
 * The streaming reader reads what exceljs read (the reference: xlsxReadExceljs.ts), plus the
 * RawSheet contract fields (formats, merges, formulas without a value); the package writer writes
 * TabModel.page, shared styles, and Excel-legal sheet names.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rawWorkbookOf } from '../../src/cli/xlsxRead';
import { openPackage } from '../../src/cli/xlsxPackage';
import { excelSheetName, writeWorkbook } from '../../src/cli/xlsxWrite';
import type { TabModel } from '../../src/workbook/tabModel';

const day = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

/** Every kind of cell the reader meets. */
function mixedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сделки');
  ws.addRow(['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус', 'Флаг']);
  ws.addRow([day(2026, 11, 3), 'Иванов', { richText: [{ text: 'ООО ' }, { font: { bold: true }, text: '«Сталь» & Co' }] }, '1\u00a0250\u00a0000,50', 'успешно', true]);
  ws.addRow([day(2026, 11, 4, 23), { text: 'Петров', hyperlink: 'https://example.com/?a=1&b=2' }, '  spaced  ', { formula: 'A1*2', result: 42 }, { error: '#N/A' }, false]);
  ws.addRow(['05.11.2026', 'Сидоров', '<tag>', { formula: 'D2+1' }, 'x', 0.1 + 0.2]);
  ws.getCell('D2').numFmt = '#,##0.00 "₽"';
  ws.getCell('A3').numFmt = 'dd.mm.yyyy hh:mm';
  ws.getCell('A6').value = 'merged';
  ws.mergeCells('A6:C7');
  const schemes = wb.addWorksheet('Schemes');
  schemes.addRow(['Scheme', 'Rule', 'Rate']);
  schemes.addRow(['Basic', 'percent', 0.05]);
  schemes.getCell('C2').numFmt = '0%';
  return wb;
}

describe('the streaming reader', () => {
  it('reads every value as the exceljs reader did', async () => {
    const bytes = new Uint8Array(await mixedWorkbook().xlsx.writeBuffer());
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
    const opts = { timeZone: 'Europe/Moscow' };
    const streamed = rawWorkbookOf(bytes, opts);
    const reference = rawWorkbookOf(loaded, opts);
    expect(streamed.sheets.map((s) => s.name)).toEqual(['Сделки', 'Schemes']);
    expect(streamed.sheets.map((s) => s.values)).toEqual(reference.sheets.map((s) => s.values));
    expect(streamed.locale).toBe('ru_RU');
    // and what that is, by hand
    const v = streamed.sheets[0].values;
    expect(v[1]).toEqual([day(2026, 11, 3), 'Иванов', 'ООО «Сталь» & Co', '1\u00a0250\u00a0000,50', 'успешно', true]);
    expect(v[2]).toEqual([day(2026, 11, 4, 23), 'Петров', '  spaced  ', 42, '#N/A', false]);
    expect(v[3]).toEqual(['05.11.2026', 'Сидоров', '<tag>', '', 'x', 0.1 + 0.2]);
    expect(v[5]).toEqual(['merged', '', '', '', '', '']);
    expect(v).toHaveLength(6); // row 7 (the merge's second row) has nothing of its own
  });

  it('fills formats, merges and formulas without a value (RawSheet contract)', async () => {
    const raw = rawWorkbookOf(new Uint8Array(await mixedWorkbook().xlsx.writeBuffer()), { timeZone: 'Europe/Moscow' });
    const [deals, schemes] = raw.sheets;
    expect(schemes.formats![1][2]).toBe('0%');
    expect(schemes.formats![1][0]).toBe('General');
    expect(deals.formats![1][3]).toBe('#,##0.00 "₽"');
    expect(deals.formats!.length).toBe(deals.values.length);
    expect(deals.formats!.every((r) => r.length === deals.values[0].length)).toBe(true);
    expect(deals.merges).toEqual([{ row: 5, col: 0, rows: 2, cols: 3 }]);
    expect(deals.formulasWithoutValue).toEqual([[3, 3]]); // D4 = D2+1, never calculated
  });

  it('reads no sheet the run does not ask for', async () => {
    const wb = mixedWorkbook();
    const raw = rawWorkbookOf(new Uint8Array(await wb.xlsx.writeBuffer()), { timeZone: 'UTC', locale: 'ru_RU' });
    // a broken sheet part would throw when scanned; only touching .values scans
    expect(raw.sheets.map((s) => s.name)).toEqual(['Сделки', 'Schemes']);
    expect(Object.getOwnPropertyDescriptor(raw.sheets[0], 'values')?.get).toBeTypeOf('function');
  });
});

const tab = (over: Partial<TabModel> = {}): TabModel => ({
  name: 'Выплаты · 2026-11', kind: 'summary', key: 'summary:2026-11',
  rows: [['Title'], ['When', '2026-12-01'], [], ['Manager', 'Total'], ['Анна', 1500.5], ['=SUM(A1)', 2], ['Борис', 300]],
  formats: [{ range: { row: 4, col: 1, rows: 3, cols: 1 }, format: 'money' }],
  bold: [{ row: 0, col: 0, rows: 1, cols: 1 }, { row: 3, col: 0, rows: 1, cols: 2 }],
  frozenRows: 4,
  columnWidths: [140, 70],
  ...over,
});

async function emptyPackage() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Deals').addRow(['Date']);
  return openPackage(new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe('the package writer', () => {
  it('writes TabModel.page: A4, landscape, fit to one page wide, print titles; the chart within the page', async () => {
    const pkg = await emptyPackage();
    const out = writeWorkbook(pkg, [tab({
      page: { orientation: 'landscape', fitToWidth: true, repeatRows: 4 },
      charts: [{ title: 'Payout', kind: 'column', categories: { row: 4, col: 0, rows: 3, cols: 1 }, series: [{ title: 'Total', range: { row: 4, col: 1, rows: 3, cols: 1 } }], anchor: { row: 3, col: 3 } }],
    })], { currency: 'RUB', lang: 'ru' });
    const written = openPackage(out.bytes);
    const sheet = written.sheets.find((s) => s.name === 'Выплаты · 2026-11')!;
    const xml = written.text(sheet.path!)!;
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(written.definedNames.find((d) => d.name === '_xlnm.Print_Titles')).toMatchObject({ localSheetId: 1, text: "'Выплаты · 2026-11'!$1:$4" });
    const drawing = [...written.entries.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    // 8 640 000 × 4 320 000 EMU = 24 × 12 cm: inside a landscape A4 page (29.7 × 21 cm less margins)
    expect(written.text(drawing)).toContain('<xdr:ext cx="8640000" cy="4320000"/>');
    // the formula-looking name stays text; the money cells share one style
    expect(xml).toContain('<c r="A6" t="inlineStr"><is><t>=SUM(A1)</t></is></c>');
    expect(xml).not.toMatch(/<f>/);
    const moneyStyles = new Set([...xml.matchAll(/<c r="B[567]" s="(\d+)"/g)].map((m) => m[1]));
    expect(moneyStyles.size).toBe(1);
    // exceljs reads back the format, the bold header and the frozen rows
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Выплаты · 2026-11')!;
    expect(ws.getCell('B5').value).toBe(1500.5);
    expect(ws.getCell('B5').numFmt).toBe('#,##0.00 "₽";-#,##0.00 "₽"');
    expect(ws.getCell('A4').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('without page: no print setup is invented', async () => {
    const out = writeWorkbook(await emptyPackage(), [tab()], { currency: 'RUB', lang: 'ru' });
    const written = openPackage(out.bytes);
    const xml = written.text(written.sheets[1].path!)!;
    expect(xml).not.toContain('<pageSetup');
    expect(written.definedNames.some((d) => d.name === '_xlnm.Print_Titles')).toBe(false);
  });

  it('sheet names: at most 31 UTF-16 units, a surrogate pair never split', () => {
    // '😀' is 2 UTF-16 units; ' · 2026-11' is 10. Room for the manager: 31 − 10 = 21 units:
    // 'A'.repeat(20) takes 20, and the emoji (2 more) would make 22 → it is left out whole.
    const name = excelSheetName(`${'A'.repeat(20)}😀 · 2026-11`, new Set());
    expect(name).toBe(`${'A'.repeat(20)} · 2026-11`);
    expect(name.length).toBeLessThanOrEqual(31);
    const emoji = excelSheetName('😀'.repeat(20), new Set());
    expect(emoji).toBe('😀'.repeat(15)); // 15 × 2 = 30 ≤ 31 < 32
  });
});

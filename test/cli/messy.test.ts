/**
 * Messy workbooks through the CLI (`runCli`, in process) on real .xlsx files written by exceljs:
 * a Bitrix24 export, merged cells and a formula with no saved value, two deals sheets with and
 * without --deals, a header on row 9, and every wrong kind of file — each one line in the user's
 * language saying what was expected and how to convert.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { runCli } from '../../src/cli/run';
import { BITRIX_DEALS, HEADER_ON_ROW_9, plansFor, SCHEMES } from '../workbook/messy/workbooks';

let dir = '';

function addSheet(wb: ExcelJS.Workbook, name: string, rows: CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return ws;
}

async function saveBook(file: string, sheets: Record<string, CellValue[][]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) addSheet(wb, name, rows);
  edit?.(wb);
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return path;
}

async function run(args: string[], env: Record<string, string> = { LANG: 'ru_RU.UTF-8' }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date('2026-11-05T09:00:00Z'), env, cwd: dir });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpi-messy-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('messy .xlsx workbooks', () => {
  it('a Bitrix24 export: Фёдорова Татьяна 10 000 + 5 % × 400 000 = 30 000; the column report in --json and in the text', async () => {
    const file = await saveBook('bitrix.xlsx', { 'Сделки': BITRIX_DEALS, 'Планы': plansFor('Фёдорова Татьяна'), 'Схемы': SCHEMES });
    const json = await run([file, '--period', '2026-10', '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.managers.map((m: any) => [m.manager, m.total])).toEqual([['Фёдорова Татьяна', 30000]]);
    expect(out.issues).toEqual([]);
    expect(out.columns['Сделки'].status).toBe('Стадия сделки');
    expect(out.columns.ignored['Сделки']).toEqual(['Название сделки', 'Валюта', 'Контакт', 'Дата создания']);
    const text = await run([file, '--period', '2026-10', '--out', 'out.xlsx']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Прочитанные столбцы:');
    expect(text.stdout).toContain('  Сделки: date ← «Дата закрытия», manager ← «Ответственный», client ← «Компания», amount ← «Бюджет», status ← «Стадия сделки», deal_id ← «ID»; не используются: «Название сделки», «Валюта», «Контакт», «Дата создания»');
  });

  it('merged manager cells count for every row; a formula with no saved value is its own issue', async () => {
    const file = await saveBook('merged.xlsx', {
      'Сделки': [['Дата', 'Менеджер', 'Сумма'], ['03.10.2026', 'Иванов', 100000], ['04.10.2026', '', 20000], ['05.10.2026', '', 30000], ['06.10.2026', 'Иванов', null]],
      'Схемы': SCHEMES,
    }, (wb) => {
      const ws = wb.getWorksheet('Сделки')!;
      ws.mergeCells('B2:B4');
      ws.getCell('C5').value = { formula: 'C2*2' } as ExcelJS.CellFormulaValue; // never calculated: no cached result
    });
    const r = await run([file, '--period', '2026-10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 100 000 + 20 000 + 30 000 = 150 000 → 10 000 + 7 500; row 5's amount is unknown.
    expect(out.managers.map((m: any) => [m.manager, m.total])).toEqual([['Иванов', 17500]]);
    expect(out.issues.map((i: any) => [i.sheet, i.row, i.column, i.message])).toEqual([
      ['Сделки', 5, 'Сумма', 'В столбце «Сумма» формула без вычисленного значения — откройте и сохраните файл в Excel/Таблицах; строка не учтена.'],
    ]);
  });

  it('a header on row 9 under a title block', async () => {
    const file = await saveBook('row9.xlsx', { 'Сделки': HEADER_ON_ROW_9, 'Схемы': SCHEMES });
    const r = await run([file, '--period', '2026-10', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).managers.map((m: any) => [m.manager, m.total])).toEqual([['Иванов', 20000]]); // 200 000 → 10 000 + 10 000
  });

  it('two deals sheets: stop with the list; --deals "A,B" reads both as one table', async () => {
    const header = ['Дата', 'Менеджер', 'Сумма'];
    const file = await saveBook('two.xlsx', {
      'Сделки 2025': [header, ['10.12.2025', 'Иванов', 50000]],
      'Сделки 2026': [header, ['05.10.2026', 'Иванов', 200000], ['06.10.2026', 'Иванов', 'много']],
      'Схемы': SCHEMES,
    });
    const stop = await run([file, '--period', '2026-10', '--json']);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toBe('Сделки могут быть на нескольких листах: "Сделки 2025", "Сделки 2026", и ни один не называется ровно «Сделки». Отметьте нужный лист — или несколько с одинаковыми столбцами, они читаются как одна таблица — в боковой панели («Схемы мотивации…» → «Листы и столбцы» → «Сделки»), переименуйте его в «Сделки» или в CLI: --deals "Сделки 2025,Сделки 2026".\n');
    const both = await run([file, '--period', '2026-10', '--json', '--deals', 'Сделки 2025,Сделки 2026']);
    expect(both.code).toBe(0);
    const out = JSON.parse(both.stdout);
    expect(out.managers.map((m: any) => [m.manager, m.total])).toEqual([['Иванов', 20000]]); // October: 200 000 → 10 000 + 10 000
    expect(out.issues.map((i: any) => [i.sheet, i.row, i.value])).toEqual([['Сделки 2026', 3, 'много']]);
  });
});

describe('wrong kinds of file: one line, what was expected, how to convert', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a directory', async () => { mkdirSync(join(dir, 'folder.xlsx'), { recursive: true }); return 'folder.xlsx'; }, /^«folder\.xlsx» — папка, а не книга: укажите путь к файлу \.xlsx\.$/],
    ['an empty file', async () => { writeFileSync(join(dir, 'empty.xlsx'), ''); return 'empty.xlsx'; }, /^«empty\.xlsx» пуст \(0 байт\): ожидалась книга \.xlsx\. Скачайте таблицу заново/],
    ['an .xls (OLE2)', async () => { writeFileSync(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])); return 'old.xls'; }, /^«old\.xls» — файл старого формата Excel 97–2003 \(\.xls\) или защищённый паролем: ожидался \.xlsx\. .*soffice --headless --convert-to xlsx/],
    ['an .ods', async () => {
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
      zip.file('content.xml', '<office:document-content/>');
      writeFileSync(join(dir, 'book.ods'), await zip.generateAsync({ type: 'nodebuffer' }));
      return 'book.ods';
    }, /^«book\.ods» — таблица OpenDocument \(\.ods\): ожидался \.xlsx\. Сохраните её как \.xlsx в LibreOffice/],
    ['a .csv', async () => { writeFileSync(join(dir, 'deals.csv'), 'Дата;Менеджер;Сумма\n03.10.2026;Иванов;100\n'); return 'deals.csv'; }, /^«deals\.csv» — текстовый файл \(CSV\): ожидался \.xlsx\. Откройте его в Excel, Google Таблицах или LibreOffice и сохраните как \.xlsx/],
    ['not a zip', async () => { writeFileSync(join(dir, 'noise.xlsx'), Buffer.from([1, 2, 3, 4, 5, 0, 0, 9])); return 'noise.xlsx'; }, /^«noise\.xlsx» — не книга Excel: ожидался \.xlsx\. Сохраните таблицу как \.xlsx/],
    ['a zip that is not a workbook', async () => {
      const zip = new JSZip();
      zip.file('photo.txt', 'hello');
      writeFileSync(join(dir, 'archive.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      return 'archive.xlsx';
    }, /^«archive\.xlsx» — zip-архив, но не книга Excel: ожидался \.xlsx\. Распакуйте его/],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const r = await run([await make(), '--json']);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('in English with --lang en (the file says nothing of its language)', async () => {
    writeFileSync(join(dir, 'empty2.xlsx'), '');
    const r = await run(['empty2.xlsx', '--lang', 'en']);
    expect(r.stderr).toBe('"empty2.xlsx" is empty (0 bytes): expected an .xlsx workbook. Download the sheet again (File → Download → Microsoft Excel (.xlsx)).\n');
  });
});

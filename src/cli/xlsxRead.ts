/**
 * An .xlsx file as the RawWorkbook the Apps Script adapter would hand over — every worksheet's
 * values as `getValues()` gives them: blanks `""`, dates as `Date`, a formula cell as its cached
 * result, rich text and hyperlinks as their plain text, errors as their code, a merged area's value
 * in its top-left cell only.
 *
 * Streaming, and only what the run touches: the zip's central directory is read, and a sheet's
 * XML is inflated and scanned (a hand scanner over `<row>`/`<c>`, in slices of whole rows) the
 * first time the reader asks for that sheet's `values` — sheets the run never looks at (a user's
 * own notes, the tabs a previous run generated) cost nothing. `formats` is paid for separately,
 * only when asked: the scan keeps each cell's style index (two bytes), and the format texts are
 * made on first use, rows with the same styles sharing one array.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/numbers';
import type { LocalDate } from '../core/periods';
import type { RawSheet, RawWorkbook } from '../workbook/raw';
import { openPackage, parseStyles, xmlUnescape, type CellStyles, type SheetInfo, type XlsxPackage } from './xlsxPackage';
import { exceljsRawWorkbook } from './xlsxReadExceljs';
import { generatedMarks } from './xlsxWrite';
import { inflateEntry } from './zip';

/**
 * A Date cell of an .xlsx is a wall-clock date-time with no zone; it is handed over as that wall
 * clock read in UTC (as exceljs did). Its calendar day is therefore the UTC day, whatever the zone.
 */
export function xlsxLocalDay(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

/** An Excel serial day number as the Date of that wall clock in UTC (exceljs' excelToDate). */
export function excelSerialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Column number (1-based) of a cell reference's letters: `AB12` → 28. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** The plain text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic runs (`<rPh>`) left out. */
function itemText(xml: string, tPrefix: string): string {
  const open = `<${tPrefix}t`;
  const close = `</${tPrefix}t>`;
  let ph = xml.indexOf(`<${tPrefix}rPh`);
  if (ph >= 0) xml = xml.replace(new RegExp(`<${tPrefix}rPh\\b[\\s\\S]*?</${tPrefix}rPh>`, 'g'), '');
  ph = 0;
  let out = '';
  let at = 0;
  for (;;) {
    const i = xml.indexOf(open, at);
    if (i < 0) break;
    const c = xml.charCodeAt(i + open.length);
    if (c !== 62 && c !== 32 && c !== 47) { // `<t>`, `<t xml:space…>`, `<t/>` — not `<tab…>`
      at = i + open.length;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) { at = gt + 1; continue; }
    const end = xml.indexOf(close, gt);
    out += xml.slice(gt + 1, end);
    at = end + close.length;
  }
  return xmlUnescape(out);
}

export function parseSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  let at = 0;
  for (;;) {
    const i = xml.indexOf(open, at);
    if (i < 0) break;
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) { out.push(''); at = gt + 1; continue; }
    const end = xml.indexOf(close, gt);
    const body = xml.slice(gt + 1, end);
    // The common case, one plain `<t>`: no need for the run scanner.
    if (body.startsWith(`<${prefix}t>`) && body.indexOf('<', 3 + prefix.length) === body.length - 4 - prefix.length) out.push(xmlUnescape(body.slice(3 + prefix.length, body.length - 4 - prefix.length)));
    else out.push(itemText(body, prefix));
    at = end + close.length;
  }
  return out;
}

/** Value of attribute ` name="…"` inside s[from, to), or null. */
function attrBetween(s: string, from: number, to: number, name: string): string | null {
  const i = s.indexOf(name, from);
  if (i < 0 || i >= to) return null;
  const q = i + name.length;
  return s.slice(q, s.indexOf('"', q));
}

interface SheetScan {
  values: CellValue[][];
  /** Style index per scanned cell, in scan order, with `rowStart` giving each row's first slot. */
  styleIds: Uint16Array;
  styleRows: { row: number; col: number[]; start: number }[];
  merges: { row: number; col: number; rows: number; cols: number }[];
  formulasWithoutValue: [number, number][];
}

interface ScanContext {
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
}

/** Rows are read in slices of about this many bytes, each ending after a `</row>`. */
const SLICE = 4 << 20;

/**
 * Scans a worksheet part: the cells of `<sheetData>` (values, style indices, formulas without a
 * value) and the merged areas after it.
 */
export function scanSheet(xml: Buffer, ctx: ScanContext): SheetScan {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 4096));
  const prefix = /<(\w+:)?worksheet\b/.exec(head)?.[1] ?? '';
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const cOpen = `<${prefix}c`;
  const cClose = `</${prefix}c>`;
  const vOpen = `<${prefix}v`;
  const vClose = `</${prefix}v>`;
  const fOpen = `<${prefix}f`;
  const isOpen = `<${prefix}is>`;
  const isClose = `</${prefix}is>`;

  const values: CellValue[][] = [];
  let styleIds = new Uint16Array(1 << 16);
  let styleCount = 0;
  const styleRows: SheetScan['styleRows'] = [];
  const formulasWithoutValue: [number, number][] = [];
  const { strings, styles, date1904 } = ctx;

  const dataStart = xml.indexOf(`<${prefix}sheetData`);
  let dataEnd = dataStart < 0 ? -1 : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) dataEnd = dataStart;
  let rowIndex = -1; // 0-based, of the last row read
  for (let from = dataStart; from >= 0 && from < dataEnd;) {
    let to = Math.min(dataEnd, from + SLICE);
    if (to < dataEnd) {
      const cut = xml.indexOf(rowClose, to);
      to = cut < 0 || cut > dataEnd ? dataEnd : cut + rowClose.length;
    }
    const s = xml.toString('utf8', from, to);
    from = to;
    let at = 0;
    for (;;) {
      const r0 = s.indexOf(rowOpen, at);
      if (r0 < 0) break;
      const rGt = s.indexOf('>', r0);
      const rAttr = attrBetween(s, r0, rGt, ' r="');
      rowIndex = rAttr !== null ? Number(rAttr) - 1 : rowIndex + 1;
      if (s.charCodeAt(rGt - 1) === 47) { at = rGt + 1; continue; } // <row …/>
      const rEnd = s.indexOf(rowClose, rGt);
      const cells: CellValue[] = [];
      const styleRow = { row: rowIndex, col: [] as number[], start: styleCount };
      let col = -1;
      let c0 = s.indexOf(cOpen, rGt);
      while (c0 >= 0 && c0 < rEnd) {
        const after = s.charCodeAt(c0 + cOpen.length);
        if (after !== 32 && after !== 62 && after !== 47) { c0 = s.indexOf(cOpen, c0 + 1); continue; }
        const cGt = s.indexOf('>', c0);
        const ref = attrBetween(s, c0, cGt, ' r="');
        col = ref !== null ? columnOf(ref) - 1 : col + 1;
        const sAttr = attrBetween(s, c0, cGt, ' s="');
        const style = sAttr === null ? 0 : Number(sAttr);
        if (styleCount === styleIds.length) {
          const grown = new Uint16Array(styleIds.length * 2);
          grown.set(styleIds);
          styleIds = grown;
        }
        styleIds[styleCount++] = style;
        styleRow.col.push(col);
        if (s.charCodeAt(cGt - 1) === 47) { c0 = s.indexOf(cOpen, cGt); continue; } // <c …/>: styled blank
        const cEnd = s.indexOf(cClose, cGt);
        const t = attrBetween(s, c0, cGt, ' t="');
        let value: CellValue = '';
        let v: string | null = null;
        const vAt = s.indexOf(vOpen, cGt);
        if (vAt >= 0 && vAt < cEnd) {
          const vGt = s.indexOf('>', vAt);
          v = s.charCodeAt(vGt - 1) === 47 ? '' : s.slice(vGt + 1, s.indexOf(vClose, vGt));
        }
        const fAt = s.indexOf(fOpen, cGt);
        const hasFormula = fAt >= 0 && fAt < cEnd && (s.charCodeAt(fAt + fOpen.length) === 32 || s.charCodeAt(fAt + fOpen.length) === 62 || s.charCodeAt(fAt + fOpen.length) === 47);
        if (t === 'inlineStr') {
          const i0 = s.indexOf(isOpen, cGt);
          if (i0 >= 0 && i0 < cEnd) value = itemText(s.slice(i0 + isOpen.length, s.indexOf(isClose, i0)), prefix);
        } else if (v === null) {
          if (hasFormula) formulasWithoutValue.push([rowIndex, col]);
        } else if (t === 's') value = strings[Number(v)] ?? '';
        else if (t === 'str') value = xmlUnescape(v);
        else if (t === 'b') value = Number(v) !== 0;
        else if (t === 'e') value = xmlUnescape(v);
        else if (t === 'd') {
          const d = new Date(v.length <= 10 ? `${v}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
          value = Number.isNaN(d.getTime()) ? v : d;
        } else if (v !== '') {
          const n = Number(v);
          value = Number.isNaN(n) ? xmlUnescape(v) : styles.isDate[style] ? excelSerialToDate(n, date1904) : n;
        }
        if (value !== '') {
          while (cells.length < col) cells.push('');
          cells[col] = value;
        }
        c0 = s.indexOf(cOpen, cEnd);
      }
      if (styleRow.col.length > 0) styleRows.push(styleRow);
      if (cells.length > 0) {
        while (values.length < rowIndex) values.push([]);
        values[rowIndex] = cells;
      }
      at = rEnd + rowClose.length;
    }
  }

  const merges: SheetScan['merges'] = [];
  if (dataEnd >= 0) {
    const tail = xml.toString('utf8', dataEnd, xml.length);
    for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)) {
      const col = columnOf(m[1]) - 1;
      const row = Number(m[2]) - 1;
      const col2 = m[3] ? columnOf(m[3]) - 1 : col;
      const row2 = m[4] ? Number(m[4]) - 1 : row;
      merges.push({ row, col, rows: row2 - row + 1, cols: col2 - col + 1 });
    }
  }
  return { values, styleIds: styleIds.subarray(0, styleCount), styleRows, merges, formulasWithoutValue };
}

/** Rectangular rows as getValues() gives them: merged areas only in their top-left cell, trailing blank rows and columns dropped. */
function rectangular(values: CellValue[][], merges: SheetScan['merges']): CellValue[][] {
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      const cells = values[r];
      if (!cells) continue;
      for (let c = m.col; c < m.col + m.cols && c < cells.length; c++) if (r !== m.row || c !== m.col) cells[c] = '';
    }
  }
  let width = 0;
  let last = -1;
  for (let r = 0; r < values.length; r++) {
    const cells = values[r];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) last = r;
    if (cells.length > width) width = cells.length;
  }
  values.length = last + 1;
  for (const cells of values) while (cells.length < width) cells.push('');
  return values;
}

/** Number format texts in the shape of `values`; rows whose cells have the same styles share one array (treat as read-only). */
function formatsOf(scan: SheetScan, shape: CellValue[][], styles: CellStyles): string[][] {
  const width = shape.length > 0 ? shape[0].length : 0;
  const shared = new Map<string, string[]>();
  const general = Array.from({ length: width }, () => 'General');
  const out: string[][] = Array.from({ length: shape.length }, () => general);
  for (const sr of scan.styleRows) {
    if (sr.row >= shape.length) continue;
    let key = '';
    for (let k = 0; k < sr.col.length; k++) if (sr.col[k] < width) key += `${sr.col[k]}:${scan.styleIds[sr.start + k]},`;
    let row = shared.get(key);
    if (!row) {
      row = general.slice();
      for (let k = 0; k < sr.col.length; k++) if (sr.col[k] < width) row[sr.col[k]] = styles.formats[scan.styleIds[sr.start + k]] ?? 'General';
      shared.set(key, row);
    }
    out[sr.row] = row;
  }
  return out;
}

/** A RawSheet whose cells are scanned on first use of values, formats, merges or formulasWithoutValue. */
function lazySheet(pkg: XlsxPackage, info: SheetInfo, ctx: () => ScanContext): RawSheet {
  let scan: SheetScan | null = null;
  let values: CellValue[][] | null = null;
  let formats: string[][] | null = null;
  const scanned = (): SheetScan => {
    if (!scan) {
      const entry = info.path ? pkg.entries.get(info.path) : undefined;
      scan = entry ? scanSheet(inflateEntry(pkg.bytes, entry), ctx()) : { values: [], styleIds: new Uint16Array(0), styleRows: [], merges: [], formulasWithoutValue: [] };
      values = rectangular(scan.values, scan.merges);
    }
    return scan;
  };
  const sheet = { name: info.name } as RawSheet;
  Object.defineProperties(sheet, {
    values: { enumerable: true, get: () => (scanned(), values!) },
    formats: { enumerable: true, get: () => (formats ??= formatsOf(scanned(), values!, ctx().styles)) },
    merges: { enumerable: true, get: () => scanned().merges },
    formulasWithoutValue: { enumerable: true, get: () => scanned().formulasWithoutValue },
  });
  return sheet;
}

/** The first row of a sheet, without reading the rest of it (the language guess). */
function firstRowText(pkg: XlsxPackage, info: SheetInfo, strings: () => string[]): string {
  const entry = info.path ? pkg.entries.get(info.path) : undefined;
  if (!entry) return '';
  const xml = inflateEntry(pkg.bytes, entry);
  const start = xml.indexOf('<sheetData');
  const end = start < 0 ? -1 : xml.indexOf('</row>', start);
  if (end < 0) return '';
  const row = xml.toString('utf8', start, end);
  let text = row;
  for (const m of row.matchAll(/<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g)) text += ' ' + (strings()[Number(m[1])] ?? '');
  return text;
}

/**
 * Cyrillic in a sheet name or in a first-row header: the workbook speaks Russian. An .xlsx says
 * nothing of its country, so English is plain `en`: the currency falls back to RUB (raw.ts).
 */
export function guessLocale(sheets: { name: string; firstRow: () => string }[]): string {
  const cyr = /[А-Яа-яЁё]/;
  for (const s of sheets) if (cyr.test(s.name)) return 'ru_RU';
  for (const s of sheets) if (cyr.test(s.firstRow())) return 'ru_RU';
  return 'en';
}

export interface XlsxReadOptions {
  timeZone: string;
  locale?: string | null;
  currency?: string | null;
}

/** Every worksheet but those a previous run generated (marked by defined names): the add-on never reads its own tabs either. */
export function rawWorkbookOfPackage(pkg: XlsxPackage, opts: XlsxReadOptions): RawWorkbook {
  const generated = new Set(generatedMarks(pkg.definedNames).map((m) => m.sheet));
  let ctx: ScanContext | null = null;
  let strings: string[] | null = null;
  const sharedStrings = () => {
    if (!strings) {
      const rel = pkg.workbookRels.find((r) => /\/sharedStrings$/.test(r.type));
      const path = rel ? `${pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf('/') + 1)}${rel.target.replace(/^\.\//, '')}` : 'xl/sharedStrings.xml';
      strings = parseSharedStrings(pkg.text(rel?.target.startsWith('/') ? rel.target.slice(1) : path));
    }
    return strings;
  };
  const context = (): ScanContext => {
    if (!ctx) {
      const rel = pkg.workbookRels.find((r) => /\/styles$/.test(r.type));
      const path = rel ? (rel.target.startsWith('/') ? rel.target.slice(1) : `${pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf('/') + 1)}${rel.target.replace(/^\.\//, '')}`) : 'xl/styles.xml';
      ctx = { strings: sharedStrings(), styles: parseStyles(pkg.text(path)), date1904: pkg.date1904 };
    }
    return ctx;
  };
  const infos = pkg.sheets.filter((s) => s.path !== null && !generated.has(s.name));
  const sheets = infos.map((info) => lazySheet(pkg, info, context));
  const locale = opts.locale ?? guessLocale(infos.map((info) => ({ name: info.name, firstRow: () => firstRowText(pkg, info, sharedStrings) })));
  return { sheets, timeZone: opts.timeZone, locale, currency: opts.currency ?? null, toLocalDay: xlsxLocalDay };
}

/**
 * The .xlsx bytes as a RawWorkbook (see rawWorkbookOfPackage); an exceljs Workbook the caller
 * already loaded goes through the exceljs reader (xlsxReadExceljs.ts), which reads the same.
 */
export function rawWorkbookOf(source: Uint8Array | ExcelJS.Workbook, opts: XlsxReadOptions): RawWorkbook {
  if (source instanceof Uint8Array) return rawWorkbookOfPackage(openPackage(source), opts);
  return exceljsRawWorkbook(source, opts);
}

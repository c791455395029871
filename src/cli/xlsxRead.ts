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
import { inflatePieces } from './zip';

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

/** Value of attribute ` name="…"` inside s[from, to), or null (searched within the tag only: a missing attribute costs the tag's length). */
function attrBetween(s: string, from: number, to: number, name: string): string | null {
  const tag = s.slice(from, to);
  const i = tag.indexOf(name);
  if (i < 0) return null;
  const q = i + name.length;
  return tag.slice(q, tag.indexOf('"', q));
}

/** A growable typed array of 32-bit integers. */
class Ints {
  data = new Int32Array(1 << 12);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

interface SheetScan {
  values: CellValue[][];
  /** Per scanned cell: its column and style index; per scanned row: its index and first cell. */
  cellCols: Ints;
  cellStyles: Ints;
  rowIndex: Ints;
  rowStart: Ints;
  merges: { row: number; col: number; rows: number; cols: number }[];
  formulasWithoutValue: [number, number][];
}

interface ScanContext {
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  /** Called after each slice with the share of the sheet scanned (the progress bar). */
  progress?: (fraction: number) => void;
}

/** Rows are read in slices of about this many bytes, each ending after a `</row>`. */
const SLICE = 4 << 20;

/** A non-negative integer written in s[from, to). */
function intAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * Scans a worksheet part: the cells of `<sheetData>` (values, style indices, formulas without a
 * value) and the merged areas after it. The hot path reads attributes by character, with no
 * substring per attribute: a million-row sheet is seven million cells.
 */
export function scanSheet(xml: Buffer | Iterable<Uint8Array>, ctx: ScanContext): SheetScan {
  const values: CellValue[][] = [];
  const scan: SheetScan = { values, cellCols: new Ints(), cellStyles: new Ints(), rowIndex: new Ints(), rowStart: new Ints(), merges: [], formulasWithoutValue: [] };
  const { cellCols, cellStyles } = scan;
  const { strings, styles, date1904 } = ctx;
  const isDate = styles.isDate;
  // One Date per serial day: a date column of a million rows holds a few hundred days, and a Date is read-only here.
  const dates = new Map<number, Date>();
  const dateOf = (n: number): Date => {
    let d = dates.get(n);
    if (d === undefined) {
      d = excelSerialToDate(n, date1904);
      if (dates.size < 100_000) dates.set(n, d);
    }
    return d;
  };

  let prefix = '';
  let rowOpen = '', rowClose = '', cOpen = '', cClose = '', vOpen = '', vPlain = '', vClose = '', fOpen = '', isOpen = '', isClose = '';
  const setPrefix = (p: string) => {
    prefix = p;
    rowOpen = `<${p}row`;
    rowClose = `</${p}row>`;
    cOpen = `<${p}c`;
    cClose = `</${p}c>`;
    vOpen = `<${p}v`;
    vPlain = `<${p}v>`;
    vClose = `</${p}v>`;
    fOpen = `<${p}f`;
    isOpen = `<${p}is>`;
    isClose = `</${p}is>`;
  };
  let rowIndex = -1; // 0-based, of the last row read

  /** The rows in `s` (whole rows: it ends after a `</row>`, or at the end of sheetData). */
  const rows = (s: string): void => {

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
      const firstCell = cellCols.length;
      let col = -1;
      let c0 = s.indexOf(cOpen, rGt);
      while (c0 >= 0 && c0 < rEnd) {
        const after = s.charCodeAt(c0 + cOpen.length);
        if (after !== 32 && after !== 62 && after !== 47) { c0 = s.indexOf(cOpen, c0 + 1); continue; }
        const cGt = s.indexOf('>', c0);
        // Attributes: r (column letters), s (style index), t (type), by character.
        let refCol = -1;
        let style = 0;
        let tFrom = -1;
        let tTo = -1;
        for (let p = c0 + cOpen.length; ;) {
          const eq = s.indexOf('="', p);
          if (eq < 0 || eq > cGt) break;
          const q2 = s.indexOf('"', eq + 2);
          const before = s.charCodeAt(eq - 2);
          if (before === 32 || before === 9 || before === 10 || before === 13) {
            const name = s.charCodeAt(eq - 1);
            if (name === 114) { // r
              let n = 0;
              for (let i = eq + 2; i < q2; i++) {
                const ch = s.charCodeAt(i);
                if (ch < 65 || ch > 90) break;
                n = n * 26 + (ch - 64);
              }
              refCol = n - 1;
            } else if (name === 115) style = intAt(s, eq + 2, q2); // s
            else if (name === 116) { tFrom = eq + 2; tTo = q2; } // t
          }
          p = q2 + 1;
        }
        col = refCol >= 0 ? refCol : col + 1;
        cellCols.push(col);
        cellStyles.push(style);
        if (s.charCodeAt(cGt - 1) === 47) { c0 = s.indexOf(cOpen, cGt); continue; } // <c …/>: styled blank
        const tLen = tTo - tFrom;
        const t0 = tFrom < 0 ? 110 : s.charCodeAt(tFrom); // 'n' when absent
        let value: CellValue = '';
        let cEnd: number;
        if (s.startsWith(vPlain, cGt + 1)) {
          // The common cell: `<v>…</v></c>`, no formula.
          const v0 = cGt + 1 + vPlain.length;
          const v1 = s.indexOf(vClose, v0);
          cEnd = s.indexOf(cClose, v1);
          if (t0 === 115 && tLen === 1) value = strings[intAt(s, v0, v1)] ?? ''; // s
          else if (t0 === 110) { // n
            if (v1 > v0) {
              const n = Number(s.slice(v0, v1));
              value = Number.isNaN(n) ? xmlUnescape(s.slice(v0, v1)) : isDate[style] ? dateOf(n) : n;
            }
          } else value = typedValue(s.slice(v0, v1), s.slice(tFrom, tTo), style, ctx);
        } else {
          cEnd = s.indexOf(cClose, cGt);
          // Searches stay inside the cell: a search for what the cell lacks must not run to the end of the slice.
          const inner = s.slice(cGt + 1, cEnd);
          let v: string | null = null;
          const vAt = inner.indexOf(vOpen);
          if (vAt >= 0) {
            const vGt = inner.indexOf('>', vAt);
            v = inner.charCodeAt(vGt - 1) === 47 ? '' : inner.slice(vGt + 1, inner.indexOf(vClose, vGt));
          }
          const fAt = inner.indexOf(fOpen);
          const fNext = fAt < 0 ? 0 : inner.charCodeAt(fAt + fOpen.length);
          const hasFormula = fAt >= 0 && (fNext === 32 || fNext === 62 || fNext === 47);
          const t = tFrom < 0 ? 'n' : s.slice(tFrom, tTo);
          if (t === 'inlineStr') {
            const i0 = inner.indexOf(isOpen);
            if (i0 >= 0) value = itemText(inner.slice(i0 + isOpen.length, inner.indexOf(isClose, i0)), prefix);
          } else if (v === null) {
            if (hasFormula) scan.formulasWithoutValue.push([rowIndex, col]);
          } else value = typedValue(v, t, style, ctx);
        }
        if (value !== '') {
          while (cells.length < col) cells.push('');
          cells[col] = value;
        }
        c0 = s.indexOf(cOpen, cEnd);
      }
      if (cellCols.length > firstCell) {
        scan.rowIndex.push(rowIndex);
        scan.rowStart.push(firstCell);
      }
      if (cells.length > 0) {
        while (values.length < rowIndex) values.push([]);
        values[rowIndex] = cells;
      }
      at = rEnd + rowClose.length;
    }
  };

  // The XML comes in pieces (inflated as it is read); rows are scanned in text slices of about
  // SLICE bytes cut after a `</row>`, and only what follows `</sheetData>` is kept (merged areas).
  const HEAD = 0, DATA = 1, TAIL = 2, NONE = 3;
  let state = HEAD;
  let pending: Buffer = Buffer.alloc(0);
  const tail: Buffer[] = [];
  const scanBytes = (bytes: Buffer, end: number) => {
    for (let from = 0; from < end;) {
      let to = Math.min(end, from + SLICE);
      if (to < end) {
        const cut = bytes.indexOf(rowClose, to);
        to = cut < 0 || cut >= end ? end : cut + rowClose.length;
      }
      rows(bytes.toString('utf8', from, to));
      from = to;
    }
  };
  const drain = (final: boolean) => {
    if (state === HEAD) {
      if (pending.length < 4096 && !final) return;
      setPrefix(/<(\w+:)?worksheet\b/.exec(pending.toString('utf8', 0, Math.min(pending.length, 4096)))?.[1] ?? '');
      const dataStart = pending.indexOf(`<${prefix}sheetData`);
      if (dataStart < 0) {
        if (final) state = NONE;
        return;
      }
      const gt = pending.indexOf('>', dataStart);
      if (gt < 0) return;
      state = pending[gt - 1] === 47 ? TAIL : DATA; // `<sheetData/>`: no rows
      pending = pending.subarray(state === TAIL ? dataStart : gt + 1);
    }
    if (state === DATA) {
      const end = pending.indexOf(`</${prefix}sheetData>`);
      if (end >= 0) {
        scanBytes(pending, end);
        pending = pending.subarray(end);
        state = TAIL;
      } else {
        const cut = pending.lastIndexOf(rowClose);
        const upTo = final ? pending.length : cut < 0 ? 0 : cut + rowClose.length;
        scanBytes(pending, upTo);
        pending = pending.subarray(upTo);
      }
    }
    if (state === TAIL) {
      tail.push(pending);
      pending = Buffer.alloc(0);
    }
  };
  for (const piece of Buffer.isBuffer(xml) ? [xml] : xml) {
    const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    drain(false);
  }
  drain(true);

  if (tail.length > 0) {
    const text = Buffer.concat(tail).toString('utf8');
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)) {
      const col = columnOf(m[1]) - 1;
      const row = Number(m[2]) - 1;
      const col2 = m[3] ? columnOf(m[3]) - 1 : col;
      const row2 = m[4] ? Number(m[4]) - 1 : row;
      scan.merges.push({ row, col, rows: row2 - row + 1, cols: col2 - col + 1 });
    }
  }
  return scan;
}

/** A cell's `<v>` text (escaped as in the XML) as the value its type `t` and style give. */
function typedValue(v: string, t: string, style: number, ctx: ScanContext): CellValue {
  if (t === 's') return ctx.strings[Number(v)] ?? '';
  if (t === 'str') return xmlUnescape(v);
  if (t === 'b') return Number(v) !== 0;
  if (t === 'e') return xmlUnescape(v);
  if (t === 'd') {
    const d = new Date(v.length <= 10 ? `${v}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
    return Number.isNaN(d.getTime()) ? v : d;
  }
  if (v === '') return '';
  const n = Number(v);
  return Number.isNaN(n) ? xmlUnescape(v) : ctx.styles.isDate[style] ? excelSerialToDate(n, ctx.date1904) : n;
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
  const { cellCols, cellStyles, rowIndex, rowStart } = scan;
  for (let k = 0; k < rowIndex.length; k++) {
    const row = rowIndex.data[k];
    if (row >= shape.length) continue;
    const from = rowStart.data[k];
    const to = k + 1 < rowStart.length ? rowStart.data[k + 1] : cellCols.length;
    let key = '';
    for (let i = from; i < to; i++) if (cellCols.data[i] < width) key += `${cellCols.data[i]}:${cellStyles.data[i]},`;
    let formats = shared.get(key);
    if (!formats) {
      formats = general.slice();
      for (let i = from; i < to; i++) if (cellCols.data[i] < width) formats[cellCols.data[i]] = styles.formats[cellStyles.data[i]] ?? 'General';
      shared.set(key, formats);
    }
    out[row] = formats;
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
      const context = ctx();
      scan = scanSheet(entry ? inflatePieces(pkg.bytes, entry, context.progress) : [], context);
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

/** The first row of a sheet, without reading the rest of it (the language guess): pieces are inflated until it ends. */
function firstRowText(pkg: XlsxPackage, info: SheetInfo, strings: () => string[]): string {
  const entry = info.path ? pkg.entries.get(info.path) : undefined;
  if (!entry) return '';
  let xml = Buffer.alloc(0);
  let start = -1;
  let end = -1;
  for (const piece of inflatePieces(pkg.bytes, entry)) {
    xml = Buffer.concat([xml, piece]);
    if (start < 0) start = xml.indexOf('<sheetData');
    if (start >= 0) end = xml.indexOf('</row>', start);
    if (end >= 0) break;
  }
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
  /** Share of a sheet scanned, as the scan goes (the progress bar). */
  progress?: (fraction: number) => void;
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
      ctx = { strings: sharedStrings(), styles: parseStyles(pkg.text(path)), date1904: pkg.date1904, ...(opts.progress ? { progress: opts.progress } : {}) };
    }
    return ctx;
  };
  const infos = pkg.sheets.filter((s) => s.path !== null && !generated.has(s.name));
  const sheets = infos.map((info) => lazySheet(pkg, info, context));
  const locale = opts.locale ?? guessLocale(infos.map((info) => ({ name: info.name, firstRow: () => firstRowText(pkg, info, sharedStrings) })));
  // The scan shares one Date per day; its day text is made once too (a million deals, a few hundred days).
  const days = new Map<Date, LocalDate>();
  const toLocalDay = (d: Date): LocalDate => {
    let day = days.get(d);
    if (day === undefined) {
      day = xlsxLocalDay(d);
      if (days.size < 100_000) days.set(d, day);
    }
    return day;
  };
  return { sheets, timeZone: opts.timeZone, locale, currency: opts.currency ?? null, toLocalDay };
}

/**
 * The .xlsx bytes as a RawWorkbook (see rawWorkbookOfPackage); an exceljs Workbook the caller
 * already loaded goes through the exceljs reader (xlsxReadExceljs.ts), which reads the same.
 */
export function rawWorkbookOf(source: Uint8Array | ExcelJS.Workbook, opts: XlsxReadOptions): RawWorkbook {
  if (source instanceof Uint8Array) return rawWorkbookOfPackage(openPackage(source), opts);
  return exceljsRawWorkbook(source, opts);
}

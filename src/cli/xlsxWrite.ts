/**
 * The .xlsx renderer of tab models (the Google Sheets one lives in src/sheets/spreadsheetIO.ts),
 * writing into the user's own package: every part of the input is kept as stored (the same
 * compressed bytes) except the few that list sheets — xl/workbook.xml, its rels,
 * [Content_Types].xml — and xl/styles.xml, to which the generated cells' styles are added (one per
 * format × bold × link, reused on a rerun). The generated sheets, their drawings and charts are
 * new parts, written in the same pass; a previous run's sheets for the same period are found by
 * their marks and replaced (other periods' sheets, charts included, stay as they were).
 *
 * Values only; number formats with the currency symbol, bold, frozen header rows, column widths,
 * internal links to rows of the input sheets, print setup (TabModel.page). Strings are inline
 * strings, so a client named `=HYPERLINK(…)` or `+7 900…` stays text and never becomes a formula.
 */
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import { codePointLength } from '../core/utf16';
import { currencySymbol, type Lang } from '../core/money';
import type { CellFormat, TabCell, TabModel } from '../workbook/tabModel';
import { keyPeriod } from '../workbook/tabs';
import type { TabSequence } from '../workbook/pipeline';
import { CT_CHART, CT_DRAWING, REL_CHART, REL_DRAWING, chartXml, drawingXml } from './xlsxChart';
import { attr, folderOf, openPackage, parseRels, relsPathOf, resolveTarget, xmlEscape, type Rel, type XlsxPackage } from './xlsxPackage';
import { DeflateSink, writeZip, writeZipChunks, type ZipPart } from './zip';
import { DeflatePool } from './deflatePool';

/** Excel's own limits on a sheet name: 31 UTF-16 units, none of `: \ / ? * [ ]`. */
const EXCEL_MAX_SHEET_NAME = 31;

/** The longest start of `text` (whole code points: a surrogate pair is never split) of at most `units` UTF-16 units. */
function cutUnits(text: string, units: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}

/**
 * A name Excel accepts, unique against `taken`. A tab name `<manager> · <period>` keeps its
 * ` · <period>` when cut: the manager part is shortened (`Константинопольский Ал · 2026-10`).
 */
export function excelSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const dot = clean.lastIndexOf(' · ');
  const suffix = dot > 0 && clean.length - dot < EXCEL_MAX_SHEET_NAME - 4 ? clean.slice(dot) : '';
  const base = suffix ? clean.slice(0, dot) : clean;
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const room = EXCEL_MAX_SHEET_NAME - mark.length - suffix.length;
    const name = cutUnits(base, room).trimEnd() + mark + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export function numberFormat(format: CellFormat, currency: string, lang: Lang): string {
  const sym = currencySymbol(currency).replace(/"/g, '');
  switch (format) {
    case 'money': return `#,##0.00 "${sym}";-#,##0.00 "${sym}"`;
    case 'percent': return '0.00%';
    case 'coefficient': return '0.0000';
    case 'number': return '#,##0.00';
    case 'integer': return '0';
    case 'date': return lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'text': return '@';
  }
}

/** A sheet reference for a hyperlink location: `'Сделки'!A12`. */
export function sheetRef(sheet: string, row: number, col = 1): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(col)}${row}`;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface RenderOptions {
  currency: string;
  lang: Lang;
}

/**
 * Rows appended to an INPUT sheet (the ledger of SPEC §11): below its last row, every existing
 * row kept byte for byte; a missing sheet is created as an ordinary sheet (never marked as
 * generated, so the next run reads it as input) with `header` as its bold first row.
 */
export interface SheetAppend {
  sheet: string;
  header: string[] | null;
  rows: (string | number)[][];
  /** Per column: numbers get a 0.00 format; a string is always written as text. */
  numeric: boolean[];
}

export interface WriteOptions extends RenderOptions {
  /** Sheet protection without a password on every generated tab (a closed period's). */
  protect?: boolean;
  append?: SheetAppend[];
}

/**
 * Generated sheets are marked in the .xlsx by workbook-level defined names, one per sheet:
 * `_kpiPayouts_2026_10_3` → `'Анна · 2026-10'!$A$1` (the period in the name, the sheet in the
 * reference, which Excel and LibreOffice keep pointing at the sheet when it is renamed). A rerun
 * of the CLI on its own output finds them, as the add-on finds its developer metadata.
 */
const MARK_PREFIX = '_kpiPayouts_';
const MARK_NAME = /^_kpiPayouts_(\d{4})_(\d{2}|Q[1-4])_\d+$/;

export interface GeneratedMark {
  /** The defined name. */
  name: string;
  period: string;
  sheet: string;
}

/** The generated sheets the workbook's defined names mark (a mark whose sheet is gone is listed too). */
export function generatedMarks(names: readonly { name: string; text: string }[]): GeneratedMark[] {
  const out: GeneratedMark[] = [];
  for (const { name, text } of names) {
    const m = MARK_NAME.exec(name);
    if (!m) continue;
    const at = text.lastIndexOf('!');
    if (at <= 0) continue;
    let sheet = text.slice(0, at);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    out.push({ name, period: `${m[1]}-${m[2]}`, sheet });
  }
  return out;
}

const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text XML 1.0 can carry: control characters (other than tab and line breaks) are dropped. */
const escText = (s: string): string =>
  xmlEscape(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s) ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '') : s);
const escAttr = (s: string): string => escText(s).replace(/'/g, '&apos;');

/** The formats a cell can have, in a fixed order: the 3 low bits of a style key. */
const FORMATS: CellFormat[] = ['money', 'percent', 'coefficient', 'number', 'integer', 'date', 'text'];
const BOLD = 8;
const LINK = 16;
/** Wrapped text, top-aligned (a `TabModel.wrapColumns` cell holding text). */
const WRAP = 32;
/** Top-aligned (the other cells of a row made taller by wrapped text). */
const TOP = 64;

/**
 * Styles added to xl/styles.xml: one cellXfs entry per (format, bold, link, alignment) key the tabs use,
 * shared by every cell with that key. An entry already there (a previous run wrote the same XML)
 * is reused, so reruns do not grow the styles part.
 */
export class StyleSheet {
  private numFmts: string[];
  private fonts: string[];
  private xfs: string[];
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], xfs: [] as string[] };
  private readonly byKey = new Map<number, number>();
  private nextNumFmtId: number;

  constructor(private xml: string, private readonly opts: RenderOptions) {
    this.numFmts = [...this.section('numFmts', 'numFmt')];
    this.fonts = [...this.section('fonts', 'font')];
    this.xfs = [...this.section('cellXfs', 'xf')];
    let max = 163;
    for (const f of this.numFmts) max = Math.max(max, Number(attr(f, 'numFmtId') ?? 0));
    this.nextNumFmtId = max + 1;
  }

  private section(list: string, item: string): string[] {
    const body = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(this.xml)?.[1] ?? '';
    return [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]);
  }

  private fontIndex(xml: string): number {
    let i = this.fonts.indexOf(xml);
    if (i < 0) {
      i = this.fonts.length;
      this.fonts.push(xml);
      this.added.fonts.push(xml);
    }
    return i;
  }

  private numFmtId(code: string): number {
    const xml = (id: number) => `<numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`;
    const found = this.numFmts.find((f) => attr(f, 'formatCode') === code);
    if (found) return Number(attr(found, 'numFmtId'));
    const id = this.nextNumFmtId++;
    this.numFmts.push(xml(id));
    this.added.numFmts.push(xml(id));
    return id;
  }

  /** The cellXfs index of a plain style with number format `code` (the ledger's 0.00). */
  codeIndex(code: string): number {
    const id = this.numFmtId(code);
    return this.xfIndex(`<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  }

  /** The index of a cellXfs entry, added when not there yet. */
  private xfIndex(xf: string): number {
    let i = this.xfs.indexOf(xf);
    if (i < 0) {
      i = this.xfs.length;
      this.xfs.push(xf);
      this.added.xfs.push(xf);
    }
    return i;
  }

  /** The cellXfs index of a style key (0 = the workbook's default style). */
  index(key: number): number {
    if (key === 0) return 0;
    let i = this.byKey.get(key);
    if (i !== undefined) return i;
    const format = key & 7 ? FORMATS[(key & 7) - 1] : null;
    const numFmtId = format ? this.numFmtId(numberFormat(format, this.opts.currency, this.opts.lang)) : 0;
    const bold = (key & BOLD) !== 0;
    const link = (key & LINK) !== 0;
    const fontId = bold || link
      ? this.fontIndex(`<font>${bold ? '<b/>' : ''}${link ? '<u/>' : ''}<sz val="11"/>${link ? '<color rgb="FF1155CC"/>' : ''}<name val="Calibri"/><family val="2"/></font>`)
      : 0;
    const align = key & WRAP ? '<alignment vertical="top" wrapText="1"/>' : key & TOP ? '<alignment vertical="top"/>' : '';
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    i = this.xfIndex(xf);
    this.byKey.set(key, i);
    return i;
  }

  /** styles.xml with the added entries (and the counts) — unchanged text when nothing was added. */
  finish(): string | null {
    const { numFmts, fonts, xfs } = this.added;
    if (numFmts.length + fonts.length + xfs.length === 0) return null;
    let xml = this.xml;
    const append = (list: string, items: string[], total: number, before: RegExp) => {
      if (items.length === 0) return;
      const open = new RegExp(`<${list}\\b([^>]*?)(/?)>`).exec(xml);
      if (!open) {
        const at = xml.search(before);
        xml = xml.slice(0, at) + `<${list} count="${total}">${items.join('')}</${list}>` + xml.slice(at);
        return;
      }
      const attrs = open[1].replace(/\s*count="\d*"/, '');
      if (open[2] === '/') {
        xml = xml.slice(0, open.index) + `<${list}${attrs} count="${total}">${items.join('')}</${list}>` + xml.slice(open.index + open[0].length);
        return;
      }
      xml = xml.slice(0, open.index) + `<${list}${attrs} count="${total}">` + xml.slice(open.index + open[0].length);
      const close = xml.indexOf(`</${list}>`);
      xml = xml.slice(0, close) + items.join('') + xml.slice(close);
    };
    append('numFmts', numFmts, this.numFmts.length, /<fonts\b/);
    append('fonts', fonts, this.fonts.length, /<fills\b/);
    append('cellXfs', xfs, this.xfs.length, /<cellStyles\b|<dxfs\b|<tableStyles\b|<colors\b|<extLst\b|<\/styleSheet>/);
    return xml;
  }
}

const MINIMAL_STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel's serial day of a tab model's calendar day (a Date at 12:00 UTC: its UTC day). */
function excelSerial(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const formatCode = (f: CellFormat): number => FORMATS.indexOf(f) + 1;

/** Points a line of wrapped text takes (Calibri 11: Excel's default row height). */
const PT_PER_LINE = 15;

/**
 * Long text in `tab.wrapColumns` wraps (top-aligned), and its row is made as tall as the lines it
 * takes — LibreOffice and Excel keep a row's stored height on opening, so a wrapped row without one
 * would overlap the next. Lines are estimated as printLayout does: ceil((characters × 6.5 + 8) /
 * column width px). The other cells of a taller row are top-aligned too. Returns the rows' heights
 * in points (0 = the default), or null when the tab wraps nothing. `keys` holds a style key per
 * cell, `width` per row.
 */
function wrapRows(tab: TabModel, width: number, keys: Uint8Array): Uint16Array | null {
  const wrap = (tab.wrapColumns ?? []).filter((c) => c < width);
  if (wrap.length === 0) return null;
  const heights = new Uint16Array(tab.rows.length);
  const rows = tab.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    const at = r * width;
    let lines = 1;
    for (const c of wrap) {
      const v = cells[c];
      if (typeof v !== 'string' || v === '') continue;
      keys[at + c] |= WRAP;
      const px = tab.columnWidths?.[c] ?? 100;
      lines = Math.max(lines, Math.ceil((codePointLength(v) * 6.5 + 8) / px));
    }
    if (lines === 1) continue;
    heights[r] = PT_PER_LINE * lines;
    for (let c = 0; c < cells.length && c < width; c++) if (!(keys[at + c] & WRAP)) keys[at + c] |= TOP;
  }
  return heights;
}

/** Characters XML must escape in text (`"` for attributes), or cannot carry at all. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Printable ASCII that XML writes as it is (no `& < > "`): its UTF-8 bytes are its characters. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x7e]*$/;
/** Texts up to this long are copied character by character (a deal's id: a million of them, each unique). */
const SHORT_TEXT = 32;

/**
 * A one-byte copy of printable ASCII text: the same characters, stored one byte each whatever
 * string it was cut from — 10× faster than a round trip through Buffer for a short id.
 */
function oneByteCopy(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) out += String.fromCharCode(v.charCodeAt(i));
  return out;
}

/**
 * Text as the sheet writer hands it over: escaped, then its UTF-8 bytes as one character each
 * (a "binary" string). The XML around it is ASCII, so a whole 64 K piece is one-byte text that
 * the deflater's buffer takes as it is. Every text goes through Buffer, even plain ASCII: a string
 * cut from two-byte text (an id read next to Cyrillic) is stored two bytes a character, and one
 * such piece makes the whole 64 K piece two-byte — encoding those was most of the writer's time.
 * A statement repeats its texts (statuses, rules, clients): each is converted once (`memo`).
 */
function binaryText(v: string, memo: Map<string, string>): string {
  // a short plain id is copied at once: cheaper than looking it up (a million ids, each unique, would fill the memo)
  if (v.length <= SHORT_TEXT && PLAIN_ASCII.test(v)) return oneByteCopy(v);
  let bytes = memo.get(v);
  if (bytes === undefined) {
    bytes = Buffer.from(NEEDS_ESCAPE.test(v) ? escText(v) : v, 'utf8').toString('latin1');
    if (memo.size < 50_000) memo.set(v, bytes);
  }
  return bytes;
}

/**
 * One tab model as a worksheet part, handed to `write` in pieces of about 64 K characters (a
 * statement of 20 000 deals is ~12 MB of XML: it goes to the deflater as it is made, never whole),
 * each piece its UTF-8 bytes as a binary string (binaryText).
 */
function writeSheetXml(tab: TabModel, styles: StyleSheet, drawingRId: string | null, protect: boolean, write: (text: string) => void): void {
  const rows = tab.rows;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  // One style key per cell, row after row (formats, bold, link, alignment bits).
  const keys = new Uint8Array(rows.length * width);
  for (const f of tab.formats) {
    const code = formatCode(f.format);
    for (let r = f.range.row; r < f.range.row + f.range.rows && r < rows.length; r++) {
      for (let c = f.range.col; c < f.range.col + f.range.cols && c < width; c++) keys[r * width + c] = (keys[r * width + c] & ~7) | code;
    }
  }
  for (const b of tab.bold) {
    for (let r = b.row; r < b.row + b.rows && r < rows.length; r++) {
      for (let c = b.col; c < b.col + b.cols && c < width; c++) keys[r * width + c] |= BOLD;
    }
  }
  for (const l of tab.links ?? []) if (l.row < rows.length && l.col < width) keys[l.row * width + l.col] |= LINK;
  const heights = wrapRows(tab, width, keys);

  const letters = Array.from({ length: width }, (_, c) => columnLetter(c + 1));
  const xfOf = new Int32Array(128).fill(-1);
  const xf = (key: number) => (xfOf[key] >= 0 ? xfOf[key] : (xfOf[key] = styles.index(key)));
  const dateKey = formatCode('date');
  const memo = new Map<string, string>();

  write(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`);
  if (tab.page?.fitToWidth) write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  write(`<dimension ref="A1${width > 0 && rows.length > 0 ? `:${letters[width - 1]}${rows.length}` : ''}"/>`);
  if (tab.frozenRows > 0) {
    write(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${tab.frozenRows}" topLeftCell="A${tab.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${tab.frozenRows + 1}" sqref="A${tab.frozenRows + 1}"/></sheetView></sheetViews>`);
  } else write('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  write('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = tab.columnWidths ?? [];
  if (widths.length > 0) {
    write('<cols>');
    widths.forEach((px, c) => write(`<col min="${c + 1}" max="${c + 1}" width="${Math.max(4, Math.round(px / 7))}" customWidth="1"/>`));
    write('</cols>');
  }
  write('<sheetData>');
  let chunk = '';
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    const at = r * width;
    let row = '';
    const n = String(r + 1);
    for (let c = 0; c < cells.length; c++) {
      const v: TabCell | undefined = cells[c];
      let key = keys[at + c];
      if (v === null || v === undefined || v === '') {
        if (key !== 0) row += `<c r="${letters[c]}${n}" s="${xf(key)}"/>`;
        continue;
      }
      const s = key ? ` s="${xf(key)}"` : '';
      if (typeof v === 'string') {
        const space = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 ? (v.trim() !== v ? ' xml:space="preserve"' : '') : '';
        row += `<c r="${letters[c]}${n}"${s} t="inlineStr"><is><t${space}>${binaryText(v, memo)}</t></is></c>`;
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) row += `<c r="${letters[c]}${n}"${s}><v>${v}</v></c>`;
        else row += `<c r="${letters[c]}${n}"${s} t="inlineStr"><is><t>${String(v)}</t></is></c>`;
      } else if (typeof v === 'boolean') {
        row += `<c r="${letters[c]}${n}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else if (Object.prototype.toString.call(v) === '[object Date]') {
        if ((key & 7) === 0) key |= dateKey;
        row += `<c r="${letters[c]}${n}" s="${xf(key)}"><v>${excelSerial(v as Date)}</v></c>`;
      }
    }
    const ht = heights?.[r] ? ` ht="${heights[r]}" customHeight="1"` : '';
    if (row !== '' || ht) chunk += `<row r="${n}"${ht}>${row}</row>`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = '';
    }
  }
  write(chunk);
  write('</sheetData>');
  if (protect) write(PROTECTION);
  const links = tab.links ?? [];
  if (links.length > 0) {
    write('<hyperlinks>');
    let part = '';
    // `'Сделки'!A` made once per sheet (as sheetRef writes it), the row number after it: no text per link to convert
    const heads = new Map<string, string>();
    for (const l of links) {
      let head = heads.get(l.sheet);
      if (head === undefined) heads.set(l.sheet, (head = binaryText(sheetRef(l.sheet, 0).slice(0, -1), memo).replace(/'/g, '&apos;')));
      part += `<hyperlink ref="${letters[l.col] ?? columnLetter(l.col + 1)}${l.row + 1}" location="${head}${l.targetRow}"/>`;
      if (part.length > 1 << 16) {
        write(part);
        part = '';
      }
    }
    write(part);
    write('</hyperlinks>');
  }
  write('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  if (tab.page) {
    write(`<pageSetup paperSize="9" orientation="${tab.page.orientation}"${tab.page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  }
  if (drawingRId) write(`<drawing r:id="${drawingRId}"/>`);
  write('</worksheet>');
}

/** Excel has no warning-only protection: no password is the nearest (one click to unprotect). */
const PROTECTION = '<sheetProtection sheet="1"/>';

/** The `<c>` elements of one appended row (`n`: its row number). */
function appendedCells(cells: readonly (string | number)[], n: number, numeric: readonly boolean[], numberStyle: () => number, textStyle: number): string {
  let row = '';
  cells.forEach((v, c) => {
    if (v === '') return;
    const ref = `${columnLetter(c + 1)}${n}`;
    if (typeof v === 'number' && Number.isFinite(v)) {
      row += `<c r="${ref}"${numeric[c] ? ` s="${numberStyle()}"` : ''}><v>${v}</v></c>`;
      return;
    }
    const text = String(v);
    const space = text.trim() !== text ? ' xml:space="preserve"' : '';
    row += `<c r="${ref}"${textStyle ? ` s="${textStyle}"` : ''} t="inlineStr"><is><t${space}>${escText(text)}</t></is></c>`;
  });
  return `<row r="${n}">${row}</row>`;
}

/** The row number after the last `<row>` of a sheetData body (a row without `r` follows the one before it). */
function lastRowNumber(body: string): number {
  let last = 0;
  for (const m of body.matchAll(/<(?:\w+:)?row\b([^>]*?)\/?>/g)) {
    const r = Number(attr(m[1], 'r'));
    last = Number.isInteger(r) && r > 0 ? Math.max(last, r) : last + 1;
  }
  return last;
}

/** A1-style `D12` → [column, row] (1-based), or null. */
function cellPos(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col, Number(m[2])];
}

/**
 * An existing worksheet part with `add` appended inside its sheetData after the last row; the
 * text before and after is kept as it is, except `<dimension>`, widened to the new rows (dropped
 * when it cannot be read: it is optional).
 */
export function appendToSheetXml(xml: string, add: SheetAppend, styles: StyleSheet): string {
  const numberStyle = () => styles.codeIndex('0.00');
  xml = xml.replace(/<((\w+:)?sheetData)\b([^>]*?)\/>/, '<$1$3></$1>');
  const close = /<\/(\w+:)?sheetData>/.exec(xml);
  if (!close) throw new Error('worksheet without sheetData');
  const open = /<(\w+:)?sheetData\b[^>]*>/.exec(xml)!;
  const body = xml.slice(open.index + open[0].length, close.index);
  const first = lastRowNumber(body) + 1;
  const p = close[1] ?? '';
  const rows = add.rows.map((cells, i) => appendedCells(cells, first + i, add.numeric, numberStyle, 0)).join('');
  const prefixed = p ? rows.replace(/<(\/?)(row|c|is|t|v)\b/g, `<$1${p}$2`) : rows;
  xml = xml.slice(0, close.index) + prefixed + xml.slice(close.index);
  if (add.rows.length === 0) return xml;
  const lastRow = first + add.rows.length - 1;
  const width = Math.max(1, ...add.rows.map((r) => r.length));
  return xml.replace(/<(?:\w+:)?dimension\b[^>]*?\/>/, (tag) => {
    const ref = attr(tag, 'ref') ?? '';
    const [a, b = a] = ref.split(':');
    const from = cellPos(a);
    const to = cellPos(b);
    if (!from || !to) return '';
    const cols = Math.max(to[0], width);
    const newRef = `${columnLetter(Math.min(from[0], 1))}${Math.min(from[1], first)}:${columnLetter(cols)}${Math.max(to[1], lastRow)}`;
    return tag.replace(/ref="[^"]*"/, `ref="${newRef}"`);
  });
}

/** A new ordinary worksheet holding `add.header` (bold) and `add.rows`. */
function newAppendSheetXml(add: SheetAppend, styles: StyleSheet): string {
  const rows: (string | number)[][] = add.header ? [add.header, ...add.rows] : add.rows;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const bold = styles.index(BOLD);
  const numberStyle = () => styles.codeIndex('0.00');
  const data = rows.map((cells, i) => appendedCells(cells, i + 1, add.header && i === 0 ? [] : add.numeric, numberStyle, add.header && i === 0 ? bold : 0)).join('');
  const frozen = add.header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1${rows.length > 0 ? `:${columnLetter(width)}${rows.length}` : ''}"/>${frozen}` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const relsXml = (rels: Rel[]) =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels.map((r) => `<Relationship Id="${escAttr(r.id)}" Type="${r.type}" Target="${escAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
  '</Relationships>';

/** A path `prefix<N>.xml` not in use. */
function freePath(used: Set<string>, prefix: string): string {
  for (let n = 1; ; n++) {
    const p = `${prefix}${n}.xml`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

/** Relative target of `part` from the folder `from` (both package paths): `../charts/chart1.xml`. */
function relativeTarget(from: string, part: string): string {
  const a = from.split('/').filter(Boolean);
  const b = part.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return '../'.repeat(a.length - i) + b.slice(i).join('/');
}

/** The parts a generated sheet brought with it (its rels, drawings, charts and their rels) — never shared media. */
function ownedParts(pkg: XlsxPackage, sheetPath: string): string[] {
  const out = [sheetPath];
  const walk = (part: string, depth: number) => {
    const relsPath = relsPathOf(part);
    const xml = pkg.text(relsPath);
    if (xml === null) return;
    out.push(relsPath);
    for (const rel of parseRels(xml)) {
      if (rel.external || !/\/(drawing|chart|chartUserShapes|chartStyle|chartColorStyle)$/.test(rel.type) || depth > 3) continue;
      const target = resolveTarget(folderOf(part), rel.target);
      if (!pkg.entries.has(target) || out.includes(target)) continue;
      out.push(target);
      walk(target, depth + 1);
    }
  };
  walk(sheetPath, 0);
  return out;
}

/**
 * A package of a workbook with no sheets yet, for writeWorkbook to add tabs to: a fresh file
 * holding only the generated sheets (the per-manager statements of `--statements`). Not a valid
 * workbook on its own — Excel wants at least one sheet — so it is never written as it is.
 */
export function emptyPackage(): XlsxPackage {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return openPackage(writeZip([
    {
      name: '[Content_Types].xml',
      content: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    },
    { name: '_rels/.rels', content: relsXml([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', target: 'xl/workbook.xml', external: false }]) },
    { name: 'xl/workbook.xml', content: `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets/></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', content: relsXml([{ id: 'rId1', type: REL_STYLES, target: 'styles.xml', external: false }]) },
    { name: 'xl/styles.xml', content: MINIMAL_STYLES },
  ]));
}

const isTabArray = (tabs: readonly TabModel[] | TabSequence): tabs is readonly TabModel[] => Array.isArray(tabs);

export interface WrittenWorkbook {
  /** The package, piece by piece in file order (write them one after another: no copy of the whole). */
  chunks: Uint8Array[];
  /** The package as one buffer (made on first use). */
  bytes: Buffer;
  /** The names the tabs were given, in order. */
  sheetNames: string[];
}

/**
 * The input package with `tabs` added as sheets after the workbook's own (which are left as they
 * are, byte for byte). Sheets this command generated before for the same period(s) are removed
 * first, so a rerun on its own output replaces them instead of adding `(2)` copies; an unmarked
 * sheet with a clashing name is never touched.
 */
export function writeWorkbook(pkg: XlsxPackage, tabs: readonly TabModel[] | TabSequence, opts: WriteOptions): WrittenWorkbook {
  // A sequence (the pipeline's eachTab) names its periods up front: each tab is made, written and let go in turn.
  const periods = new Set(isTabArray(tabs) ? tabs.map((t) => keyPeriod(t.key)).filter((p): p is string => p !== null) : tabs.periods);
  const marks = generatedMarks(pkg.definedNames);
  const droppedMarks = new Set(marks.filter((m) => periods.has(m.period)).map((m) => m.name));
  const droppedSheets = new Set(marks.filter((m) => periods.has(m.period)).map((m) => m.sheet));
  const kept = pkg.sheets.filter((s) => !droppedSheets.has(s.name));
  const removed = new Set<string>();
  for (const s of pkg.sheets) if (droppedSheets.has(s.name) && s.path) for (const p of ownedParts(pkg, s.path)) removed.add(p);

  const used = new Set([...pkg.entries.keys()].filter((p) => !removed.has(p)));
  const wbFolder = folderOf(pkg.workbookPath);
  const wbRelsPath = relsPathOf(pkg.workbookPath);
  const dropRIds = new Set(pkg.sheets.filter((s) => droppedSheets.has(s.name)).map((s) => s.rId));
  const wbRels = pkg.workbookRels.filter((r) => !dropRIds.has(r.id));
  let nextRel = 1;
  for (const r of wbRels) { const m = /^rId(\d+)$/.exec(r.id); if (m) nextRel = Math.max(nextRel, Number(m[1]) + 1); }
  let nextSheetId = 1;
  for (const s of pkg.sheets) nextSheetId = Math.max(nextSheetId, s.sheetId + 1);

  // Styles: the workbook's styles part, or a minimal one when it has none.
  let stylesRel = wbRels.find((r) => r.type === REL_STYLES || /\/styles$/.test(r.type));
  const stylesPath = stylesRel ? resolveTarget(wbFolder, stylesRel.target) : `${wbFolder}styles.xml`;
  const stylesText = stylesRel ? pkg.text(stylesPath) : null;
  const styles = new StyleSheet(stylesText ?? MINIMAL_STYLES, opts);
  const newParts: ZipPart[] = [];
  const overrides: string[] = [];
  if (!stylesRel || stylesText === null) {
    stylesRel = { id: `rId${nextRel++}`, type: REL_STYLES, target: relativeTarget(wbFolder, stylesPath).replace(/^\.\.\//, ''), external: false };
    wbRels.push(stylesRel);
    overrides.push(`<Override PartName="/${stylesPath}" ContentType="${CT_STYLES}"/>`);
  }

  const taken = new Set(kept.map((s) => s.name.toLowerCase()));
  const sheetNames: string[] = [];
  const sheetElements: string[] = [];
  // Rows appended to input sheets (the ledger): the sheet's part rewritten, or a new ordinary sheet.
  const appended = new Map<string, string>();
  for (const add of opts.append ?? []) {
    const sheet = kept.find((s) => s.name.toLowerCase() === add.sheet.toLowerCase());
    if (sheet) {
      const text = sheet.path ? appended.get(sheet.path) ?? pkg.text(sheet.path) : null;
      if (!sheet.path || text === null) throw new KpiUserError(msg(opts.lang, 'ledger.cli.notWorksheet', { sheet: sheet.name }));
      appended.set(sheet.path, appendToSheetXml(text, add, styles));
      continue;
    }
    taken.add(add.sheet.toLowerCase());
    const path = freePath(used, `${wbFolder}worksheets/sheet`);
    const rId = `rId${nextRel++}`;
    wbRels.push({ id: rId, type: REL_WORKSHEET, target: relativeTarget(wbFolder, path), external: false });
    overrides.push(`<Override PartName="/${path}" ContentType="${CT_WORKSHEET}"/>`);
    sheetElements.push(`<sheet name="${escAttr(add.sheet)}" sheetId="${nextSheetId++}" r:id="${rId}"/>`);
    newParts.push({ name: path, content: newAppendSheetXml(add, styles) });
    kept.push({ name: add.sheet, sheetId: nextSheetId - 1, rId, path, index: -1, xml: '' });
  }
  const names: string[] = [];
  let markN = 1;
  for (const m of marks) if (!droppedMarks.has(m.name)) markN = Math.max(markN, Number(m.name.slice(m.name.lastIndexOf('_') + 1)) + 1);

  // A big sheet's XML is deflated on a second thread while the next rows (and tabs) are made.
  let pool: DeflatePool | null | undefined;
  const deflatePool = () => {
    if (pool === undefined) {
      try {
        pool = new DeflatePool();
      } catch {
        pool = null; // no worker thread here: the main thread deflates, the same bytes
      }
    }
    return pool;
  };
  let i = 0;
  try {
    for (const tab of tabs) {
      const name = excelSheetName(tab.name, taken);
      sheetNames.push(name);
      const index = kept.length + i; // after the kept sheets and the ones created for appended rows
      const path = freePath(used, `${wbFolder}worksheets/sheet`);
      const rId = `rId${nextRel++}`;
      wbRels.push({ id: rId, type: REL_WORKSHEET, target: relativeTarget(wbFolder, path), external: false });
      overrides.push(`<Override PartName="/${path}" ContentType="${CT_WORKSHEET}"/>`);
      sheetElements.push(`<sheet name="${escAttr(name)}" sheetId="${nextSheetId++}" r:id="${rId}"/>`);
      const period = keyPeriod(tab.key);
      const quoted = `'${name.replace(/'/g, "''")}'`;
      if (period) names.push(`<definedName name="${MARK_PREFIX}${period.replace('-', '_')}_${markN++}">${escText(`${quoted}!$A$1`)}</definedName>`);
      if (tab.page && tab.page.repeatRows > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escText(`${quoted}!$1:$${tab.page.repeatRows}`)}</definedName>`);

      let drawingRId: string | null = null;
      const charts = tab.charts ?? [];
      if (charts.length > 0) {
        const drawingPath = freePath(used, `${wbFolder}drawings/drawing`);
        const chartRels: Rel[] = charts.map((chart, k) => {
          const chartPath = freePath(used, `${wbFolder}charts/chart`);
          newParts.push({ name: chartPath, content: chartXml(name, chart) });
          overrides.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
          return { id: `rId${k + 1}`, type: REL_CHART, target: relativeTarget(folderOf(drawingPath), chartPath), external: false };
        });
        newParts.push({ name: drawingPath, content: drawingXml(charts.map((chart, k) => ({ chart, rId: chartRels[k].id, id: k + 1 }))) });
        newParts.push({ name: relsPathOf(drawingPath), content: relsXml(chartRels) });
        overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
        drawingRId = 'rId1';
        newParts.push({ name: relsPathOf(path), content: relsXml([{ id: drawingRId, type: REL_DRAWING, target: relativeTarget(folderOf(path), drawingPath), external: false }]) });
      }
      const sink = new DeflateSink(deflatePool);
      writeSheetXml(tab, styles, drawingRId, opts.protect === true, (bytes) => sink.writeBinary(bytes));
      newParts.unshift({ name: path, deflated: sink.finish() });
      i++;
    }
  } finally {
    (pool as DeflatePool | null | undefined)?.close();
  }

  // workbook.xml: the dropped sheets out, sheet-scoped names renumbered, the new sheets and names in.
  const newIndex = new Map<number, number>();
  kept.forEach((s, i) => { if (s.index >= 0) newIndex.set(s.index, i); });
  let wbXml = pkg.workbookXml;
  for (const s of pkg.sheets) if (droppedSheets.has(s.name)) wbXml = wbXml.replace(s.xml, '');
  for (const d of pkg.definedNames) {
    let replacement = d.xml;
    if (droppedMarks.has(d.name) || (d.localSheetId !== null && !newIndex.has(d.localSheetId))) replacement = '';
    else if (d.localSheetId !== null && newIndex.get(d.localSheetId) !== d.localSheetId) replacement = d.xml.replace(/localSheetId="\d+"/, `localSheetId="${newIndex.get(d.localSheetId)}"`);
    if (replacement !== d.xml) wbXml = wbXml.replace(d.xml, replacement);
  }
  wbXml = wbXml.replace(/<(\w+:)?sheets\s*\/>/, '<$1sheets></$1sheets>');
  const sheetsClose = /<\/(\w+:)?sheets>/.exec(wbXml)!;
  const p = sheetsClose[1] ?? '';
  const prefixed = (xml: string) => (p ? xml.replace(/<(\/?)(sheet|definedName)\b/g, `<$1${p}$2`) : xml);
  wbXml = wbXml.slice(0, sheetsClose.index) + prefixed(sheetElements.join('')) + wbXml.slice(sheetsClose.index);
  if (!/xmlns:r="/.test(/<(\w+:)?workbook\b[^>]*>/.exec(wbXml)![0])) wbXml = wbXml.replace(/<((\w+:)?workbook)\b/, `<$1 xmlns:r="${NS_R}"`);
  if (names.length > 0) {
    const close = /<\/(\w+:)?definedNames>/.exec(wbXml);
    if (close) wbXml = wbXml.slice(0, close.index) + prefixed(names.join('')) + wbXml.slice(close.index);
    else {
      wbXml = wbXml.replace(/<(\w+:)?definedNames\s*\/>/, '');
      const at = wbXml.search(/<(\w+:)?(calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(\w+:)?workbook>/);
      wbXml = wbXml.slice(0, at) + prefixed(`<definedNames>${names.join('')}</definedNames>`) + wbXml.slice(at);
    }
  }
  wbXml = wbXml.replace(/<(\w+:)?definedNames>\s*<\/(\w+:)?definedNames>/, '');
  // The active tab: the same sheet if it stays, else the first.
  wbXml = wbXml.replace(/(<(?:\w+:)?workbookView\b[^>]*?)\sactiveTab="(\d+)"/, (all, head: string, n: string) => {
    const at = newIndex.get(Number(n));
    return at === undefined ? `${head} activeTab="0"` : `${head} activeTab="${at}"`;
  }).replace(/(<(?:\w+:)?workbookView\b[^>]*?)\sfirstSheet="\d+"/, '$1');

  // [Content_Types].xml: overrides of removed parts out, the new ones in.
  let types = pkg.text('[Content_Types].xml') ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';
  types = types.replace(/<Override\b[^>]*?\/>/g, (o) => (removed.has((attr(o, 'PartName') ?? '').replace(/^\//, '')) ? '' : o));
  types = types.replace('</Types>', overrides.join('') + '</Types>');

  const finishedStyles = styles.finish();
  const replaced = new Map<string, string>([
    [pkg.workbookPath, wbXml],
    [wbRelsPath, relsXml(wbRels)],
    ['[Content_Types].xml', types],
  ]);
  if (finishedStyles !== null) replaced.set(stylesPath, finishedStyles);
  for (const [path, text] of appended) replaced.set(path, text);

  const parts: ZipPart[] = [];
  if (!pkg.entries.has('[Content_Types].xml')) parts.push({ name: '[Content_Types].xml', content: types });
  for (const [name, entry] of pkg.entries) {
    if (removed.has(name)) continue;
    const text = replaced.get(name);
    if (text !== undefined) {
      parts.push({ name, content: text });
      replaced.delete(name);
    } else parts.push({ name, copy: entry, from: pkg.bytes });
  }
  for (const [name, text] of replaced) if (name !== '[Content_Types].xml') parts.push({ name, content: text });
  parts.push(...newParts);
  const chunks = writeZipChunks(parts);
  let bytes: Buffer | null = null;
  return { chunks, sheetNames, get bytes() { return (bytes ??= Buffer.concat(chunks)); } };
}

/**
 * The workbook-level parts of an .xlsx package, read as text with small scanners: the sheets and
 * their parts (xl/workbook.xml and its rels), defined names, the 1904 date system, and the cell
 * styles' number formats (xl/styles.xml). Shared by the streaming reader (xlsxRead.ts) and the
 * package-preserving writer (xlsxWrite.ts).
 */
import { entryText, readZip, type ZipEntry } from './zip';

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlUnescape(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (all, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The value of attribute `name` in a start tag's text (`<sheet name="x" …>`), unescaped; null when absent. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(/:/g, '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[1] ?? m[2]) : null;
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string | null): Rel[] {
  const out: Rel[] = [];
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    out.push({ id: attr(m[1], 'Id') ?? '', type: attr(m[1], 'Type') ?? '', target: attr(m[1], 'Target') ?? '', external: attr(m[1], 'TargetMode') === 'External' });
  }
  return out;
}

/** A relationship target resolved against the folder of the part that holds it: `xl/` + `worksheets/sheet1.xml`. */
export function resolveTarget(fromFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (fromFolder ? fromFolder.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

export interface SheetInfo {
  name: string;
  sheetId: number;
  rId: string;
  /** Path of the worksheet part in the zip; null for a chartsheet or a broken reference. */
  path: string | null;
  /** Its index in workbook.xml (localSheetId of sheet-scoped defined names). */
  index: number;
  /** The `<sheet …/>` element as written. */
  xml: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  /** The formula text (unescaped). */
  text: string;
  /** The `<definedName>` element as written. */
  xml: string;
}

/** The opened package: its zip entries and the workbook-level facts both the reader and writer need. */
export interface XlsxPackage {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  workbookPath: string;
  workbookXml: string;
  workbookRels: Rel[];
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  date1904: boolean;
  text(path: string): string | null;
}

export function openPackage(bytes: Uint8Array): XlsxPackage {
  const entries = readZip(bytes);
  const text = (path: string) => entryText(bytes, entries.get(path));
  const rootRels = parseRels(text('_rels/.rels'));
  const officeDoc = rootRels.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (workbookXml === null) throw new Error(`${workbookPath} is missing: not an .xlsx workbook`);
  const workbookRels = parseRels(text(relsPathOf(workbookPath)));
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\/?>/g)) {
    const tag = m[0];
    const rId = attr(tag, 'r:id') ?? attr(tag, '\\w+:id') ?? '';
    const rel = workbookRels.find((r) => r.id === rId);
    const path = rel && /\/worksheet$/.test(rel.type) ? resolveTarget(folderOf(workbookPath), rel.target) : null;
    sheets.push({ name: attr(tag, 'name') ?? '', sheetId: Number(attr(tag, 'sheetId') ?? 0), rId, path, index: sheets.length, xml: tag });
  }
  const definedNames: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const local = attr(m[1], 'localSheetId');
    definedNames.push({ name: attr(m[1], 'name') ?? '', localSheetId: local === null ? null : Number(local), text: xmlUnescape(m[2] ?? ''), xml: m[0] });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const d1904 = attr(pr, 'date1904');
  return { bytes, entries, workbookPath, workbookXml, workbookRels, sheets, definedNames, date1904: d1904 === '1' || d1904 === 'true', text };
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that readers meet. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};
/** Built-in ids Excel shows as dates in other locales (27–36, 50–58: East Asian date formats). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format shows a date or time when, outside quotes and brackets, it has y m d h s (exceljs' rule). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

export interface CellStyles {
  /** Number format text of each cellXfs entry. */
  formats: string[];
  /** Whether each cellXfs entry shows a date. */
  isDate: boolean[];
}

export function parseStyles(xml: string | null): CellStyles {
  const formats: string[] = [];
  const isDate: boolean[] = [];
  if (!xml) return { formats, isDate };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) custom.set(Number(attr(m[1], 'numFmtId')), attr(m[1], 'formatCode') ?? 'General');
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
    formats.push(code);
    isDate.push(custom.has(id) ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id));
  }
  return { formats, isDate };
}

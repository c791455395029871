/**
 * What kind of file the CLI was given, checked before any reader opens it (SPEC §10.1 "Other file
 * types"): a folder, an empty file, an old .xls (or a password-protected workbook: both are OLE2
 * containers), an .ods, a CSV or other text, a zip that is not a workbook, anything else. Each is
 * one line in the user's language saying what was expected and how to convert — never a library's
 * message. Only the first bytes and the zip's central directory (its tail) are read.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { KpiUserError } from '../core/issues';
import { msg, type MessageKey } from '../core/messages/index';
import type { Lang } from '../core/money';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The zip's central directory lists every part; a workbook's is a few KB, the tail read covers it. */
const TAIL_BYTES = 1 << 20;

export type FileKind = 'xlsx' | 'directory' | 'empty' | 'xls' | 'ods' | 'csv' | 'zip' | 'other';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function read(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Text with no NUL bytes and mostly printable: a CSV or another text export. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let odd = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd * 20 < bytes.length;
}

/** The kind of file at `path` (an existing path). */
export function fileKind(path: string): FileKind {
  const stat = statSync(path);
  if (stat.isDirectory()) return 'directory';
  if (stat.size === 0) return 'empty';
  const fd = openSync(path, 'r');
  try {
    const head = read(fd, 0, Math.min(stat.size, 4096));
    if (startsWith(head, OLE2)) return 'xls';
    if (startsWith(head, ZIP)) {
      // An .ods stores its mimetype first, uncompressed.
      if (head.subarray(30, 100).toString('latin1').includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      const tailStart = Math.max(0, stat.size - TAIL_BYTES);
      const tail = read(fd, tailStart, stat.size - tailStart).toString('latin1');
      if (tail.includes('xl/workbook.xml') || tail.includes('xl/workbook.bin')) return 'xlsx';
      if (tail.includes('content.xml') && tail.includes('mimetype')) return 'ods';
      return 'zip';
    }
    const ext = extname(path).toLowerCase();
    // Text named .xlsx is no CSV the user meant to give: say it is no workbook.
    if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || (ext !== '.xlsx' && looksLikeText(head))) return 'csv';
    return 'other';
  } finally {
    closeSync(fd);
  }
}

const MESSAGE: Record<Exclude<FileKind, 'xlsx'>, MessageKey> = {
  directory: 'reading.file.directory',
  empty: 'reading.file.empty',
  xls: 'reading.file.xls',
  ods: 'reading.file.ods',
  csv: 'reading.file.csv',
  zip: 'reading.file.zipNotWorkbook',
  other: 'reading.file.notWorkbook',
};

/**
 * Throws a KpiUserError (one line, in `lang`) unless `path` holds an .xlsx workbook. `shown` is
 * the path as the user typed it. Every reader calls this before opening the file.
 */
export function assertWorkbookFile(path: string, shown: string, lang: Lang): void {
  const kind = fileKind(path);
  if (kind !== 'xlsx') throw new KpiUserError(msg(lang, MESSAGE[kind], { file: shown }));
}

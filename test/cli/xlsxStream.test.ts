/**
 * The deals sheet is scanned as it is inflated, in pieces (a million-row sheet is 260 MB of XML,
 * never held whole): whatever the pieces, the scan reads what it reads from the whole part.
 */
import fc from 'fast-check';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanSheet } from '../../src/cli/xlsxRead';
import { inflatePieces, type ZipEntry } from '../../src/cli/zip';

const ctx = { strings: ['Иванов', 'ООО «Ромашка»'], styles: { formats: ['General', 'dd.mm.yyyy'], isDate: [false, true] }, date1904: false };

/** A worksheet with a namespace prefix: shared, inline and formula strings, a date, a blank styled cell, a formula without a value, a merged area. */
const sheet = (rows: number) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
  Array.from({ length: rows }, (_, i) => {
    const r = i + 2;
    return `<x:row r="${r}"><x:c r="A${r}" s="1"><x:v>46327</x:v></x:c><x:c r="B${r}" t="s"><x:v>${i % 2}</x:v></x:c>` +
      `<x:c r="C${r}" t="inlineStr"><x:is><x:t>сделка ${i} &amp; Co</x:t></x:is></x:c><x:c r="D${r}"><x:v>${1000 + i}.5</x:v></x:c>` +
      `<x:c r="E${r}" s="1"/><x:c r="F${r}"><x:f>D${r}*2</x:f></x:c><x:c r="G${r}" t="str"><x:f>B${r}</x:f><x:v>ок</x:v></x:c></x:row>`;
  }).join('') +
  '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="H2:I3"/></x:mergeCells></x:worksheet>';

const summary = (scan: ReturnType<typeof scanSheet>) => ({
  values: scan.values,
  merges: scan.merges,
  formulasWithoutValue: scan.formulasWithoutValue,
  cells: Array.from(scan.cellCols.data.subarray(0, scan.cellCols.length)),
  styles: Array.from(scan.cellStyles.data.subarray(0, scan.cellStyles.length)),
});

describe('scanning a sheet in pieces', () => {
  it('reads row 2 as written: the date (serial 46327 = 2026-11-01), the shared and inline strings, 1000.5, the merge, the formula without a value', () => {
    const scan = scanSheet(Buffer.from(sheet(1)), ctx);
    // 46327 − 25569 = 20758 days after 1970-01-01; 2026-01-01 is 56 × 365 + 14 leap days = 20454, + 304 days (Jan…Oct) = 20758: 1 November.
    expect(scan.values[1]).toEqual([new Date(Date.UTC(2026, 10, 1)), 'Иванов', 'сделка 0 & Co', 1000.5, '', '', 'ок']);
    expect(scan.merges).toEqual([{ row: 1, col: 7, rows: 2, cols: 2 }]);
    expect(scan.formulasWithoutValue).toEqual([[1, 5]]);
  });

  it('any split of the bytes (even inside a tag or a UTF-8 letter) reads the same as the whole', () => {
    const whole = Buffer.from(sheet(40));
    const expected = summary(scanSheet(whole, ctx));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), whole.length];
        const pieces = at.slice(1).map((end, k) => whole.subarray(at[k], end));
        expect(summary(scanSheet(pieces, ctx))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('a deflated part inflated piece by piece (256 KB of compressed bytes at a time) scans as the whole: 30 000 rows', () => {
    const whole = Buffer.from(sheet(30_000));
    const data = zlib.deflateRawSync(whole, { level: 1 });
    const entry: ZipEntry = { name: 'xl/worksheets/sheet1.xml', method: 8, crc: 0, compressedSize: data.length, size: whole.length, dataStart: 0 };
    const pieces = [...inflatePieces(data, entry)];
    expect(pieces.length).toBeGreaterThan(1);
    const scan = scanSheet(inflatePieces(data, entry), ctx);
    expect(scan.values.length).toBe(30_001);
    expect(scan.values[30_000][3]).toBe(30_999.5); // row 30 001 is deal i = 29 999: 1000 + 29 999 + 0.5
    expect(summary(scan)).toEqual(summary(scanSheet(whole, ctx)));
  });
});

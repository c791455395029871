/**
 * Rows appended to an input worksheet part (xlsxWrite.ts appendToSheetXml): after the last row,
 * existing XML kept as written, `<sheetData/>`, rows without `r`, a prefixed namespace, and the
 * `<dimension>` widened or dropped.
 */
import { describe, expect, it } from 'vitest';
import { openPackage } from '../../src/cli/xlsxPackage';
import { appendToSheetXml, StyleSheet, writeWorkbook } from '../../src/cli/xlsxWrite';
import { writeZip } from '../../src/cli/zip';

const STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
const styles = () => new StyleSheet(STYLES, { currency: 'RUB', lang: 'ru' });
const add = { sheet: 'Начисления', header: null, rows: [['2026-10', 1234.5, ''], ['x<y', 'текст', 7]], numeric: [false, true, true] };

describe('appendToSheetXml', () => {
  it('appends after the last row, keeping the existing row and widening the dimension', () => {
    const old = '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46000</v></c></row><row r="4"><c r="A4"><v>5</v></c></row>';
    const s = styles();
    const xml = appendToSheetXml(`<worksheet><dimension ref="A1:B4"/><sheetData>${old}</sheetData><pageMargins/></worksheet>`, add, s);
    // The 0.00 style is a new cellXfs entry after the two there: index 2.
    expect(xml).toBe('<worksheet><dimension ref="A1:C6"/><sheetData>' + old +
      '<row r="5"><c r="A5" t="inlineStr"><is><t>2026-10</t></is></c><c r="B5" s="2"><v>1234.5</v></c></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>x&lt;y</t></is></c><c r="B6" t="inlineStr"><is><t>текст</t></is></c><c r="C6" s="2"><v>7</v></c></row>' +
      '</sheetData><pageMargins/></worksheet>');
    expect(s.finish()).toContain('<numFmt numFmtId="164" formatCode="0.00"/>');
  });

  it('handles <sheetData/>, rows without r, a prefix, and drops a dimension it cannot read', () => {
    expect(appendToSheetXml('<worksheet><dimension ref="A1"/><sheetData/></worksheet>', { ...add, rows: [[1]] }, styles()))
      .toBe('<worksheet><dimension ref="A1:A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
    // Two rows without r are rows 1 and 2: the new one is row 3.
    expect(appendToSheetXml('<x:worksheet><x:dimension ref="??"/><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row><x:row/></x:sheetData></x:worksheet>', { ...add, rows: [['a']] }, styles()))
      .toBe('<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row><x:row/><x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>');
  });

  it('refuses, in the user\'s language, to append to a chart sheet of the ledger\'s name', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const pkg = openPackage(writeZip([
      { name: '_rels/.rels', content: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      { name: 'xl/workbook.xml', content: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="Начисления" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', content: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/chartsheets/sheet1.xml', content: '<chartsheet/>' },
    ]));
    expect(() => writeWorkbook(pkg, [], { currency: 'RUB', lang: 'ru', append: [add] })).toThrow('«Начисления» — лист диаграммы');
  });
});

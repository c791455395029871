/**
 * The scale workbook (test/sheets/scaleWorkbook.ts: `deals` won and lost deals of November 2026
 * over `managers` managers, plans, KPI facts, the fixture's schemes) as an .xlsx file laid out as
 * Excel writes one: shared strings, Date cells as serial days with a date style. Written directly
 * (XML + zip), so a million-row file takes seconds, not the minutes exceljs would.
 */
import { writeFileSync } from 'node:fs';
import type { CellValue } from '../../src/core/numbers';
import { writeZip } from '../../src/cli/zip';
import { columnLetter } from '../../src/cli/xlsxWrite';
import { xmlEscape } from '../../src/cli/xlsxPackage';
import { scaleWorkbook } from '../../test/sheets/scaleWorkbook';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MOSCOW_MS = 3 * 3600_000;

export function writeScaleXlsx(file: string, deals: number, managers = 50): { dealsPart: string } {
  const raw = scaleWorkbook({ managers, deals });
  const strings = new Map<string, number>();
  const sst: string[] = [];
  const si = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) {
      i = sst.length;
      strings.set(s, i);
      sst.push(`<si><t>${xmlEscape(s)}</t></si>`);
    }
    return i;
  };
  const sheetXml = (values: CellValue[][]) => {
    const out: string[] = [`${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`];
    let chunk = '';
    values.forEach((row, r) => {
      chunk += `<row r="${r + 1}">`;
      row.forEach((v, c) => {
        const ref = `${columnLetter(c + 1)}${r + 1}`;
        if (v === '' || v === null) return;
        if (typeof v === 'number') chunk += `<c r="${ref}"><v>${v}</v></c>`;
        else if (typeof v === 'boolean') chunk += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        else if (v instanceof Date) chunk += `<c r="${ref}" s="1"><v>${Math.floor((v.getTime() + MOSCOW_MS) / 86_400_000) + 25569}</v></c>`;
        else chunk += `<c r="${ref}" t="s"><v>${si(String(v))}</v></c>`;
      });
      chunk += '</row>';
      if (chunk.length > 1 << 20) {
        out.push(chunk);
        chunk = '';
      }
    });
    out.push(chunk, '</sheetData></worksheet>');
    return Buffer.from(out.join(''), 'utf8');
  };
  const parts = raw.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: sheetXml(s.values) }));
  const sheets = raw.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = raw.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const n = raw.sheets.length;
  writeFileSync(file, writeZip([
    { name: '[Content_Types].xml', content: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${parts.map((p) => `<Override PartName="/${p.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>` },
    { name: '_rels/.rels', content: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', content: `${HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', content: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    { name: 'xl/styles.xml', content: `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>` },
    { name: 'xl/sharedStrings.xml', content: `${HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</sst>` },
    ...parts,
  ]));
  return { dealsPart: 'xl/worksheets/sheet1.xml' };
}

if (process.argv[1] && /scaleXlsx\.ts$/.test(process.argv[1])) {
  const [file, deals] = process.argv.slice(2);
  writeScaleXlsx(file, Number(deals));
}

/**
 * The motivation regulation (SPEC §13) as a Word document, with the `docx` package (see
 * docs/DECISIONS.md): A4 portrait, Times New Roman 12, a title block, one heading per section,
 * numbered clauses, and real tables (header row bold and repeated on each page) for the scales,
 * the K table, the worked examples, the evidence and the acknowledgement sheet.
 */
import type { Paragraph as ParagraphType, Table as TableType } from 'docx';
import type { RegulationDocument, RegulationTable } from '../core/regulation/document';

/** The package, loaded only when a regulation is written: every other `kpi-payouts` run starts without it. */
type Docx = typeof import('docx');

const FONT = 'Times New Roman';
const SIZE = 24; // half-points: 12 pt
/** A4 width minus 2 cm + 1.5 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1134 - 851;

function table(d: Docx, t: RegulationTable): TableType {
  const { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } = d;
  const run = (text: string, bold = false) => new d.TextRun({ text, bold, font: FONT, size: SIZE });
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, bold: boolean) => new TableCell({
    width: { size: widths[i] ?? widths[widths.length - 1], type: WidthType.DXA },
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: [run(text, bold)] })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** The .docx bytes of the document. */
export async function regulationDocx(doc: RegulationDocument): Promise<Buffer> {
  const d: Docx = await import('docx');
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = d;
  const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: SIZE });
  const children: (ParagraphType | TableType)[] = [
    ...doc.approval.map((line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: i === doc.approval.length - 1 ? 480 : 60 }, children: [run(line, i === 0)] })),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true, font: FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.subtitle, true)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(doc.versionLine)] }),
  ];
  for (const s of doc.sections) {
    children.push(new Paragraph({
      heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: `${s.number}. ${s.title}`, bold: true, font: FONT, size: 26 })],
    }));
    for (const b of s.blocks) {
      if (b.kind === 'clause') {
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [run(`${b.number} `, true), run(b.text)] }));
      } else {
        children.push(table(d, b.table));
        children.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
      }
    }
  }
  const document = new Document({
    creator: 'KPI Payouts',
    title: `${doc.title} · ${doc.scheme}`,
    description: doc.versionLine,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 851 } } },
      children,
    }],
  });
  return Packer.toBuffer(document);
}

/**
 * exceljs writes no charts, so the saved .xlsx is post-processed with JSZip: for each chart a
 * DrawingML chart part (payout as columns on the left axis, attainment as a line on the right
 * axis), a drawing that anchors it, the relationships and the content types. The same pass turns
 * exceljs' internal hyperlinks into pure `location` links (exceljs also writes an external rel).
 */
import JSZip from 'jszip';
import type { CellRange, TabChart } from '../workbook/tabModel';
import { columnLetter, type RenderedChart } from './xlsxWrite';

const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rangeRef(sheet: string, r: CellRange): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const from = `$${columnLetter(r.col + 1)}$${r.row + 1}`;
  const to = `$${columnLetter(r.col + r.cols)}$${r.row + r.rows}`;
  return `${q}!${from}:${to}`;
}

function seriesXml(sheet: string, chart: TabChart, i: number, withMarker: boolean): string {
  const s = chart.series[i];
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.title)}</c:v></c:tx>` +
    (withMarker ? '<c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>' : '') +
    `<c:cat><c:strRef><c:f>${xmlEscape(rangeRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(rangeRef(sheet, s.range))}</c:f></c:numRef></c:val>` +
    (withMarker ? '<c:smooth val="0"/>' : '') + '</c:ser>';
}

function axesXml(catId: number, valId: number, right: boolean, numFmt: string): string {
  return `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${right ? 1 : 0}"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="${valId}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${right ? 'r' : 'l'}"/>${right ? '' : '<c:majorGridlines/>'}<c:numFmt formatCode="${xmlEscape(numFmt)}" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${catId}"/><c:crosses val="${right ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
}

function chartXml(sheet: string, chart: TabChart): string {
  const left = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.axis !== 'right');
  const right = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.axis === 'right');
  const bar = left.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${left.map(({ i }) => seriesXml(sheet, chart, i, false)).join('')}` +
      `<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`
    : '';
  const line = right.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${right.map(({ i }) => seriesXml(sheet, chart, i, true)).join('')}` +
      `<c:marker val="1"/><c:axId val="1003"/><c:axId val="1004"/></c:lineChart>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${line}` +
    (left.length ? axesXml(1001, 1002, false, '#,##0') : '') +
    (right.length ? axesXml(1003, 1004, true, '0%') : '') +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function drawingXml(anchors: { chart: TabChart; rId: string; id: number }[]): string {
  const body = anchors
    .map(({ chart, rId, id }) => {
      const { row, col } = chart.anchor;
      return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + 8}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 18}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string; external?: boolean }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
  `</Relationships>`;

function parseRels(xml: string): { id: string; type: string; target: string; external?: boolean }[] {
  const out: { id: string; type: string; target: string; external?: boolean }[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    out.push({ id: attr('Id'), type: attr('Type'), target: attr('Target').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), external: attr('TargetMode') === 'External' });
  }
  return out;
}

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** sheet name → path of its worksheet part, from workbook.xml and its rels. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = parseRels(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rId = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = rels.find((r) => r.id === rId);
    if (name && rel) out.set(unescapeXml(name), rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`);
  }
  return out;
}

function nextFree(zip: JSZip, pattern: (n: number) => string): number {
  let n = 1;
  while (zip.file(pattern(n))) n++;
  return n;
}

/**
 * Post-processes a saved workbook: internal links of the generated sheets become `location`-only,
 * and each chart becomes a real chart part anchored on its sheet.
 */
export async function injectCharts(xlsx: Uint8Array, generatedSheets: string[], charts: RenderedChart[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  let contentTypes = await zip.file('[Content_Types].xml')!.async('string');

  for (const sheetName of generatedSheets) {
    const path = paths.get(sheetName);
    if (!path) continue;
    const relsPath = path.replace(/worksheets\/([^/]+)$/, 'worksheets/_rels/$1.rels');
    let sheetXml = await zip.file(path)!.async('string');
    let rels = zip.file(relsPath) ? parseRels(await zip.file(relsPath)!.async('string')) : [];

    // Internal hyperlinks: drop the r:id exceljs adds next to `location`, and its external rel.
    const dropped = new Set<string>();
    sheetXml = sheetXml.replace(/<hyperlink\b([^>]*?)\/>/g, (all, attrs: string) => {
      if (!/\blocation="/.test(attrs)) return all;
      const rId = /\br:id="([^"]*)"/.exec(attrs)?.[1];
      if (rId) dropped.add(rId);
      return `<hyperlink${attrs.replace(/\s*r:id="[^"]*"/, '')}/>`;
    });
    rels = rels.filter((r) => !(dropped.has(r.id) && r.type === REL_HYPERLINK));

    const own = charts.filter((c) => c.sheetName === sheetName);
    if (own.length > 0 && !/<drawing\b/.test(sheetXml)) {
      const drawingN = nextFree(zip, (n) => `xl/drawings/drawing${n}.xml`);
      const drawingRels: { id: string; type: string; target: string }[] = [];
      const anchors: { chart: TabChart; rId: string; id: number }[] = [];
      own.forEach(({ chart }, i) => {
        const chartN = nextFree(zip, (n) => `xl/charts/chart${n}.xml`);
        zip.file(`xl/charts/chart${chartN}.xml`, chartXml(sheetName, chart));
        contentTypes = contentTypes.replace('</Types>', `<Override PartName="/xl/charts/chart${chartN}.xml" ContentType="${CT_CHART}"/></Types>`);
        const rId = `rId${i + 1}`;
        drawingRels.push({ id: rId, type: REL_CHART, target: `../charts/chart${chartN}.xml` });
        anchors.push({ chart, rId, id: i + 1 });
      });
      zip.file(`xl/drawings/drawing${drawingN}.xml`, drawingXml(anchors));
      zip.file(`xl/drawings/_rels/drawing${drawingN}.xml.rels`, relsXml(drawingRels));
      contentTypes = contentTypes.replace('</Types>', `<Override PartName="/xl/drawings/drawing${drawingN}.xml" ContentType="${CT_DRAWING}"/></Types>`);
      let k = rels.length + 1;
      while (rels.some((r) => r.id === `rId${k}`)) k++;
      const drawingRId = `rId${k}`;
      rels.push({ id: drawingRId, type: REL_DRAWING, target: `../drawings/drawing${drawingN}.xml` });
      if (!/xmlns:r="/.test(sheetXml.slice(0, 600))) {
        sheetXml = sheetXml.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
      }
      // CT_Worksheet order: <drawing> comes before legacyDrawing, tableParts and extLst.
      const at = sheetXml.search(/<legacyDrawing\b|<legacyDrawingHF\b|<picture\b|<oleObjects\b|<controls\b|<webPublishItems\b|<tableParts\b|<extLst\b|<\/worksheet>/);
      sheetXml = sheetXml.slice(0, at) + `<drawing r:id="${drawingRId}"/>` + sheetXml.slice(at);
    }
    zip.file(path, sheetXml);
    if (rels.length > 0) zip.file(relsPath, relsXml(rels));
    else if (zip.file(relsPath)) zip.remove(relsPath);
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

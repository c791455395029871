/**
 * The DrawingML parts of a tab's chart (payout as columns on the left axis, attainment as a line
 * on the right axis) and the drawing that anchors it; xlsxWrite.ts puts them into the package in
 * the same pass as the sheets.
 */
import type { CellRange, TabChart } from '../workbook/tabModel';
import { xmlEscape } from './xlsxPackage';
import { columnLetter } from './xlsxWrite';

export const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** The chart's size: 24 × 12 cm, within one landscape A4 page beside the summary table once fitted to the page width. */
const CHART_CX = 8_640_000;
const CHART_CY = 4_320_000;

function rangeRef(sheet: string, r: CellRange): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const from = `$${columnLetter(r.col + 1)}$${r.row + 1}`;
  const to = `$${columnLetter(r.col + r.cols)}$${r.row + r.rows}`;
  return `${q}!${from}:${to}`;
}

/** The 100 % reference line: thin, dashed, no markers. */
const TARGET_LINE = '<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>';

function seriesXml(sheet: string, chart: TabChart, i: number, withMarker: boolean): string {
  const s = chart.series[i];
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.title)}</c:v></c:tx>` +
    (withMarker ? (s.target ? TARGET_LINE : '<c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>') : '') +
    `<c:cat><c:strRef><c:f>${xmlEscape(rangeRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(rangeRef(sheet, s.range))}</c:f></c:numRef></c:val>` +
    (withMarker ? '<c:smooth val="0"/>' : '') + '</c:ser>';
}

/** A value axis title, written vertically (DrawingML puts it between the gridlines and the number format). */
function axisTitleXml(title: string | undefined): string {
  if (!title) return '';
  return `<c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/><a:p><a:r><a:t>${xmlEscape(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function axesXml(catId: number, valId: number, right: boolean, numFmt: string, title?: string): string {
  return `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${right ? 1 : 0}"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="${valId}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${right ? 'r' : 'l'}"/>${right ? '' : '<c:majorGridlines/>'}${axisTitleXml(title)}<c:numFmt formatCode="${xmlEscape(numFmt)}" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${catId}"/><c:crosses val="${right ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
}

export function chartXml(sheet: string, chart: TabChart): string {
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
    (left.length ? axesXml(1001, 1002, false, '#,##0', chart.axisTitles?.left) : '') +
    (right.length ? axesXml(1003, 1004, true, '0%', chart.axisTitles?.right) : '') +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

export function drawingXml(anchors: { chart: TabChart; rId: string; id: number }[]): string {
  const body = anchors
    .map(({ chart, rId, id }) => {
      const { row, col } = chart.anchor;
      return `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${CHART_CX}" cy="${CHART_CY}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</xdr:wsDr>`;
}


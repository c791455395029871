/**
 * One manager's statement as the HTML body of an e-mail (SPEC §12), built from that manager's own
 * statement tab and nothing else: the same cells the printable statement shows, each formatted the
 * way the tab's number formats say, every text escaped. Pure (no Apps Script, no DOM).
 */
import { msg } from '../core/messages/index';
import { formatMoney, formatNumber, formatPercent } from '../core/moneyText';
import type { Lang } from '../core/money';
import { fingerprint } from '../core/fingerprint';
import type { CellFormat, TabCell, TabModel } from './tabModel';

/** Text safe inside HTML element content and attribute values. */
export function escapeHtml(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface StatementHtmlOptions {
  lang: Lang;
  currency: string;
  manager: string;
  period: string;
  /** When this statement replaces one sent before: the earlier send's time (shown in a note). */
  correctedSince?: string | null;
}

const cellKey = (row: number, col: number): number => row * 4096 + col;

/** (row, col) → the format the tab gives that cell. */
function formatIndex(tab: TabModel): Map<number, CellFormat> {
  const out = new Map<number, CellFormat>();
  for (const f of tab.formats) {
    for (let r = f.range.row; r < f.range.row + f.range.rows; r++) {
      for (let c = f.range.col; c < f.range.col + f.range.cols; c++) out.set(cellKey(r, c), f.format);
    }
  }
  return out;
}

function boldIndex(tab: TabModel): Set<number> {
  const out = new Set<number>();
  for (const b of tab.bold) {
    for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) out.add(cellKey(r, c));
  }
  return out;
}

/** A cell as the statement shows it: money with the currency, percents, a day as `dd.mm.yyyy` (ru) or `yyyy-mm-dd`. */
export function cellText(v: TabCell | undefined, format: CellFormat | undefined, lang: Lang, currency: string): string {
  if (v === null || v === undefined) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    if (isNaN(d.getTime())) return '';
    const [y, m, day] = d.toISOString().slice(0, 10).split('-');
    return lang === 'ru' ? `${day}.${m}.${y}` : `${y}-${m}-${day}`;
  }
  if (typeof v === 'number') {
    switch (format) {
      case 'money': return formatMoney(v, lang, currency);
      case 'percent': return formatPercent(v, lang);
      case 'coefficient': return formatNumber(v, lang, 4);
      case 'integer': return String(Math.round(v));
      case 'text': return String(v);
      default: return formatNumber(v, lang);
    }
  }
  if (typeof v === 'boolean') return v ? '✓' : '';
  return String(v);
}

const TD = 'border:1px solid #ddd;padding:3px 6px;vertical-align:top';
const NUMERIC: ReadonlySet<CellFormat> = new Set(['money', 'percent', 'coefficient', 'number', 'integer']);

/**
 * The statement tab as HTML: a title and a table per block of rows (blank rows separate blocks).
 * Only `tab` is read, so the e-mail holds exactly what that manager's statement holds.
 * @example statementHtml(tab, { lang: 'ru', currency: 'RUB', manager: 'Иванов', period: '2026-10' })
 */
export function statementHtml(tab: TabModel, opts: StatementHtmlOptions): string {
  const { lang, currency } = opts;
  const formats = formatIndex(tab);
  const bold = boldIndex(tab);
  const width = Math.max(1, ...tab.rows.map((r) => r.length));
  const parts: string[] = [];
  parts.push(`<p>${escapeHtml(msg(lang, 'statements.greeting', { manager: opts.manager, period: opts.period }))}</p>`);
  if (opts.correctedSince) {
    parts.push(
      `<p style="background:#fff4ce;border:1px solid #e0c060;padding:6px"><b>${escapeHtml(msg(lang, 'statements.correctedNote', { sentAt: opts.correctedSince }))}</b></p>`,
    );
  }
  let open = false;
  const close = () => {
    if (open) parts.push('</table>');
    open = false;
  };
  tab.rows.forEach((cells, r) => {
    const used = cells.filter((v) => v !== null && v !== undefined && v !== '').length;
    if (used === 0) return close();
    if (r === 0) {
      parts.push(`<h2 style="font-size:16px;margin:8px 0">${escapeHtml(cellText(cells[0], undefined, lang, currency))}</h2>`);
      return;
    }
    if (cells.length === 1) {
      // a section title (`Сделки`, `Примечания`) or a note
      close();
      const text = escapeHtml(cellText(cells[0], formats.get(cellKey(r, 0)), lang, currency));
      parts.push(bold.has(cellKey(r, 0)) ? `<h3 style="font-size:14px;margin:10px 0 4px">${text}</h3>` : `<p style="margin:2px 0">${text}</p>`);
      return;
    }
    if (!open) {
      parts.push('<table style="border-collapse:collapse;font:13px/1.4 Arial,sans-serif;margin:4px 0">');
      open = true;
    }
    const tds: string[] = [];
    for (let c = 0; c < Math.min(width, Math.max(cells.length, 1)); c++) {
      const format = formats.get(cellKey(r, c));
      const v = cells[c];
      const numeric = typeof v === 'number' && format !== undefined && NUMERIC.has(format);
      const style = `${TD}${numeric ? ';text-align:right;white-space:nowrap' : ''}${bold.has(cellKey(r, c)) ? ';font-weight:bold' : ''}`;
      tds.push(`<td style="${style}">${escapeHtml(cellText(v, format, lang, currency))}</td>`);
    }
    parts.push(`<tr>${tds.join('')}</tr>`);
  });
  close();
  parts.push(`<p style="color:#666;font-size:12px;margin-top:12px">${escapeHtml(msg(lang, 'statements.footer'))}</p>`);
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(msg(lang, 'statements.subject', { period: opts.period, manager: opts.manager }))}</title></head>` +
    `<body style="font:13px/1.4 Arial,sans-serif;color:#222">${parts.join('')}</body></html>`
  );
}

/**
 * The statement's fingerprint (the Sent log): every cell of the tab except the "generated at"
 * stamp, so generating the same figures again is the same statement and any changed cell is not.
 */
export function statementFingerprint(tab: TabModel, lang: Lang): string {
  const stamp = msg(lang, 'tabs.header.generatedAt');
  const rows = tab.rows.filter((cells) => cells[0] !== stamp);
  return fingerprint(
    JSON.stringify(rows.map((cells) => cells.map((v) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : v ?? null)))),
  );
}

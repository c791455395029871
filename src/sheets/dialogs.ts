/**
 * The menu's own dialogs (SPEC §6): *Generate payouts…* (ask the period, generate, summarise),
 * *Check data* (list the issues, write nothing) and *Help*. Every value shown in HTML is escaped.
 */
import { sum, dec } from '../core/decimal';
import { msg } from '../core/messages/index';
import { formatMoney, type Lang } from '../core/money';
import { lastCompleteMonth, periodKey } from '../core/periods';
import type { PayoutJson } from '../workbook/json';
import { errorMessage, spreadsheetLang, todayIn } from './execution';
import { checkIn, generateIn } from './payoutRun';

/** Text safe inside HTML element content and attribute values. */
function escapeHtml(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function context(): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; ui: GoogleAppsScript.Base.Ui; lang: Lang; defaultPeriod: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang(ss);
  const today = todayIn(ss.getSpreadsheetTimeZone());
  return { ss, ui: SpreadsheetApp.getUi(), lang, defaultPeriod: periodKey(lastCompleteMonth(today)) };
}

/** The short summary shown after a generation. */
function generationSummary(json: PayoutJson, lang: Lang): string {
  const total = sum(json.managers.map((m) => dec(m.total)));
  return `${msg(lang, 'ui.generate.summary', {
    period: json.period,
    managers: json.managers.length,
    total: formatMoney(total, lang, json.currency),
    issues: json.issues.length,
  })}\n${msg(lang, 'ui.generate.seeSummary')}`;
}

/**
 * Menu *Generate payouts…*: asks for the period (blank = the last complete month), generates the
 * tabs and shows a short summary; an error is shown as its one-line message.
 */
export function menuGeneratePayouts(): void {
  const { ss, ui, lang, defaultPeriod } = context();
  const title = msg(lang, 'ui.generate.title');
  const answer = ui.prompt(title, msg(lang, 'ui.generate.prompt', { period: defaultPeriod }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const period = answer.getResponseText().trim() || defaultPeriod;
  let json: PayoutJson;
  try {
    json = generateIn(ss, lang, period);
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
    return;
  }
  ui.alert(title, generationSummary(json, lang), ui.ButtonSet.OK);
}

/** The issues of a check as an HTML page (every value escaped); below 480 px each issue is a block, not a wide row. */
function issuesHtml(json: PayoutJson, lang: Lang): string {
  const keys = ['ui.check.sheet', 'ui.check.row', 'ui.check.column', 'ui.check.value', 'ui.check.message'] as const;
  const labels = keys.map((k) => escapeHtml(msg(lang, k)));
  const head = labels.map((l) => `<th>${l}</th>`).join('');
  const cell = (i: number, v: unknown, cls = '') => `<td${cls} data-label="${labels[i]}">${escapeHtml(v ?? '')}</td>`;
  const rows = json.issues
    .map((i) => `<tr>${cell(0, i.sheet)}${cell(1, i.row, ' class="n"')}${cell(2, i.column)}${cell(3, i.value)}${cell(4, i.message)}</tr>`)
    .join('');
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>` +
    `body{font:13px/1.4 Arial,sans-serif;margin:8px}table{border-collapse:collapse;width:100%}` +
    `th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}td.n{text-align:right}` +
    `@media (max-width:480px){thead{display:none}table,tbody,tr,td{display:block}tr{border:1px solid #ddd;margin:0 0 6px}td{border:0;text-align:left}` +
    `td.n{text-align:left}td::before{content:attr(data-label) ": ";color:#5f6368}}` +
    `</style></head><body><p>${escapeHtml(msg(lang, 'ui.check.intro', { count: json.issues.length }))}</p>` +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></body></html>`
  );
}

/**
 * Menu *Check data*: runs checkData for the last complete month and shows every issue (sheet, row,
 * column, value, message) in a dialog, or says there are none. Writes nothing to the spreadsheet.
 */
export function menuCheckData(): void {
  const { ss, ui, lang, defaultPeriod } = context();
  let json: PayoutJson;
  try {
    json = checkIn(ss, lang, defaultPeriod);
  } catch (e) {
    ui.alert(msg(lang, 'ui.title'), errorMessage(e), ui.ButtonSet.OK);
    return;
  }
  if (json.issues.length === 0) {
    ui.alert(msg(lang, 'ui.title'), msg(lang, 'ui.check.none', { period: json.period }), ui.ButtonSet.OK);
    return;
  }
  const html = HtmlService.createHtmlOutput(issuesHtml(json, lang)).setWidth(900).setHeight(520);
  ui.showModalDialog(html, msg(lang, 'ui.check.title', { period: json.period }));
}

/** The help page in the user's language. */
function helpHtml(lang: Lang): string {
  const paragraphs = (['ui.help.intro', 'ui.help.sheets', 'ui.help.generate', 'ui.help.check', 'ui.help.formulas'] as const)
    .map((k) => `<p>${escapeHtml(msg(lang, k))}</p>`)
    .join('');
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><style>body{font:13px/1.5 Arial,sans-serif;margin:8px;overflow-wrap:anywhere}</style></head>` +
    `<body>${paragraphs}<p><button onclick="google.script.host.close()">${escapeHtml(msg(lang, 'ui.help.close'))}</button></p></body></html>`
  );
}

/** Menu *Help*: a short help dialog in the spreadsheet's language. */
export function menuHelp(): void {
  const lang = spreadsheetLang(SpreadsheetApp.getActiveSpreadsheet());
  const html = HtmlService.createHtmlOutput(helpHtml(lang)).setWidth(520).setHeight(440);
  SpreadsheetApp.getUi().showModalDialog(html, msg(lang, 'ui.help.title'));
}

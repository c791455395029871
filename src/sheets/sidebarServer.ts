/**
 * The scheme wizard's server side (SPEC §6 *Schemes…*): what the sidebar calls through
 * google.script.run, and the menu item that opens it. Thin: the Schemes sheet logic is
 * workbook/schemeSheet (pure), validation is the engine's validateSchemeRows.
 *
 * Every function returns plain JSON-able objects (no Dec, no Date): google.script.run serialises them.
 */
import { langOfLocale, msg, type MessageKey } from '../core/messages/index';
import { dec, type Dec } from '../core/decimal';
import type { Lang } from '../core/money';
import type { CellValue } from '../core/numbers';
import { isBlank } from '../core/numbers';
import { canonicalMetric, DEAL_METRICS, metricLabel } from '../core/metricNames';
import { displayName, nameKey } from '../core/ownership';
import { KpiUserError } from '../core/issues';
import { schemeKey, validateSchemeRows, draftToSchemeRow } from '../core/schemes';
import { previewCurve as schemeCurve } from '../core/payout';
import { BUILT_IN_METRICS, unknownMetricIssues } from '../core/schemeMetrics';
import { planMetricColumns } from '../workbook/reading/plans';
import { SCHEME_TEMPLATES, type RuleDraft, type RuleKind, type SchemeColumn } from '../core/templates';
import { PLAN_TEMPLATES } from '../core/planTemplates';
import { filterSuggestions as suggestFilters } from '../workbook/filterSuggestions';
import { currencyOf } from '../workbook/read';
import { findHeaderRow, findSheet, HEADER_SEARCH_ROWS, mapColumns, ROLE_FIELDS, SHEET_ROLES } from '../workbook/headers';
import type { ColumnMapping, RawSheet, SheetRole } from '../workbook/raw';
import { bestEffort, spreadsheetLang, withDocumentLock } from './execution';
import { listSheets, MAPPING_PROPERTY, readMapping, userSheets, type SheetEntry } from './spreadsheetIO';
import { listSchemeNames, readSchemeDrafts, RULE_KINDS, schemeRowsPlan } from '../workbook/schemeSheet';
import { chosenDealsSheets, roleSheets } from '../workbook/reading/dealsSheets';
import type { DealsSheetsCheck } from '../workbook/dealsSheetsCheck';
import { dealsSheetsPreview } from './dealsPicker';

export type SidebarPanel = 'schemes' | 'earnings' | 'simulate';
const PANELS: readonly SidebarPanel[] = ['schemes', 'earnings', 'simulate'];

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function spreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The hand-made mapping as every action reads it (spreadsheetIO), or none. */
function savedMapping(): ColumnMapping {
  return readMapping() ?? {};
}

/** JSON for an inline <script>: `<` escaped so no `</script>` or `<!--` in a value can end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Opens the sidebar on one panel (`schemes`, `earnings`, `simulate`): the built Sidebar.html plus a
 * script telling it the panel and the language. The menu callbacks call this.
 */
export function showSidebar(panel: string): void {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  if (!PANELS.includes(panel as SidebarPanel)) throw new Error(msg(lang, 'sb.server.badPanel', { panel: String(panel) }));
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append(`<script>window.__KPI__=${scriptJson({ panel, lang })};</script>`)
    .setTitle(msg(lang, `sb.title.${panel}` as MessageKey));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: *Schemes…* — the wizard. */
export function menuSchemes(): void {
  showSidebar('schemes');
}

export interface TemplateView {
  id: string;
  name: string;
  description: string;
  rules: RuleDraft[];
}

export interface SidebarContext {
  lang: Lang;
  currency: string;
  /** Known metrics (canonical id + label) then the KPI facts sheet's own metric names. */
  metrics: { id: string; label: string }[];
  templates: TemplateView[];
  ruleKinds: RuleKind[];
  schemesSheet: string;
}

/** What the sidebar needs once: language, currency, metric names and the seeds' templates. */
export function getSidebarContext(): SidebarContext {
  const ss = spreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const lang = langOfLocale(locale);
  const mapping = savedMapping();
  const sheets = listSheets(ss); // listed once: both lookups below share it
  const known = [...DEAL_METRICS, 'contacts', 'score'];
  return {
    lang,
    currency: currencyOf(null, locale),
    metrics: [...known, ...kpiFactMetrics(sheets, mapping).filter((m) => !known.includes(m))].map((id) => ({ id, label: metricLabel(id, lang) })),
    templates: [...SCHEME_TEMPLATES, ...PLAN_TEMPLATES].map((t) => ({ id: t.id, name: t.name[lang], description: t.description[lang], rules: t.rules.map((r) => ({ ...r })) })),
    ruleKinds: [...RULE_KINDS],
    schemesSheet: roleSheet(sheets, 'schemes', mapping)?.name ?? defaultSchemesName(lang),
  };
}

/** The metric names the KPI facts sheet holds (contacts, `оценка заказчика`…), canonical, in order. */
function kpiFactMetrics(sheets: readonly SheetEntry[], mapping: ColumnMapping): string[] {
  const found = roleSheet(sheets, 'kpi', mapping);
  if (!found) return [];
  const values = readValues(found.sheet);
  const headerRow = findHeaderRow(values, 'kpi');
  if (headerRow < 0) return [];
  const col = mapColumns('kpi', values[headerRow], mapping.columns?.kpi).index.metric;
  if (col === null || col === undefined) return [];
  const names: string[] = [];
  for (const row of values.slice(headerRow + 1)) {
    const m = canonicalMetric(row[col]);
    if (m && !names.includes(m)) names.push(m);
  }
  return names;
}

/**
 * The metrics this workbook has, as the engine counts them (schemeMetrics.knownMetrics): the
 * built-ins, Plans' metric columns holding a value, the KPI sheet's metrics. Reads Plans and KPI.
 */
function workbookMetrics(ss: Spreadsheet, mapping: ColumnMapping): Set<string> {
  const sheets = listSheets(ss);
  const known = new Set<string>([...BUILT_IN_METRICS, ...kpiFactMetrics(sheets, mapping)]);
  const plans = roleSheet(sheets, 'plans', mapping);
  const values = readValues(plans?.sheet ?? null);
  const headerRow = findHeaderRow(values, 'plans');
  if (headerRow < 0) return known;
  for (const mc of planMetricColumns(mapColumns('plans', values[headerRow], mapping.columns?.plans))) {
    if (values.slice(headerRow + 1).some((row) => !isBlank(row[mc.index]))) known.add(mc.metric);
  }
  return known;
}

function defaultSchemesName(lang: Lang): string {
  return lang === 'ru' ? 'Схемы' : 'Schemes';
}

/** The sheet of a role as the reader finds it (hand-picked in the mapping, else by name). */
function roleSheet(sheets: readonly SheetEntry[], role: SheetRole, mapping: ColumnMapping): SheetEntry | null {
  const byName: RawSheet[] = sheets.map((e) => ({ name: e.name, values: [] }));
  // Deals chosen as several sheets: the first of them (filter suggestions read one sheet's values).
  const found = roleSheets(byName, role, mapping).sheets[0] ?? findSheet(byName, role, mapping).sheet;
  return found ? sheets[byName.indexOf(found)] : null;
}

/** The Schemes sheet (roleSheet over a fresh list of the sheets). */
function schemesSheet(ss: Spreadsheet, mapping: ColumnMapping): GoogleAppsScript.Spreadsheet.Sheet | null {
  return roleSheet(listSheets(ss), 'schemes', mapping)?.sheet ?? null;
}

function readValues(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): CellValue[][] {
  if (!sheet || sheet.getLastRow() === 0) return [];
  return sheet.getDataRange().getValues() as CellValue[][];
}

export interface SchemeSummary {
  name: string;
  rules: number;
  problems: number;
}

/**
 * Filter clauses from the workbook's own Deals values for the wizard's filter field (SPEC §14):
 * `категория = Арматура`, `тип сделки = допродажа`, `клиент = новый`. One read of the Deals sheet.
 */
export function filterSuggestions(): string[] {
  const ss = spreadsheet();
  const mapping = savedMapping();
  const deals = roleSheet(listSheets(ss), 'deals', mapping);
  return suggestFilters(readValues(deals?.sheet ?? null), langOfLocale(ss.getSpreadsheetLocale()), mapping);
}

/** The schemes in the Schemes sheet, in sheet order, with how many problems each has. */
export function listSchemes(): SchemeSummary[] {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  const mapping = savedMapping();
  const values = readValues(schemesSheet(ss, mapping));
  const names = listSchemeNames(values, lang, mapping);
  let read: Set<string> | null = null;
  const known = () => (read ??= workbookMetrics(ss, mapping));
  return names.map((name) => {
    const drafts = readSchemeDrafts(values, name, lang, mapping);
    return { name, rules: drafts.length, problems: checkDrafts(name, drafts, lang, known).issues.length };
  });
}

/** One scheme's rules as the form edits them (canonical words). */
export function getScheme(name: string): { name: string; drafts: RuleDraft[] } {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  const mapping = savedMapping();
  const sheet = schemesSheet(ss, mapping);
  const range = sheet && sheet.getLastRow() > 0 ? sheet.getDataRange() : null;
  const values = range ? (range.getValues() as CellValue[][]) : [];
  // a rate saved as `4%` is 0.04 in a percent-formatted cell: the form shows `4%` again
  const formats = range ? range.getNumberFormats() : [];
  const drafts = readSchemeDrafts(values, name, lang, mapping, formats);
  if (drafts.length === 0) {
    throw new Error(msg(lang, 'sb.server.schemeNotFound', { name, sheet: sheet?.getName() ?? defaultSchemesName(lang) }));
  }
  const shown = listSchemeNames(values, lang, mapping).find((n) => schemeKey(n) === schemeKey(name)) ?? name;
  return { name: shown, drafts };
}

export interface CheckIssue {
  /** Index of the rule in the drafts; null for the scheme as a whole (its name, no rules). */
  rule: number | null;
  field: SchemeColumn | null;
  message: string;
}

export interface SchemeCheck {
  ok: boolean;
  issues: CheckIssue[];
}

/** Drafts arrive from the client: keep only the known string fields. */
function cleanDrafts(drafts: unknown): RuleDraft[] {
  if (!Array.isArray(drafts)) return [];
  return drafts.map((d) => {
    const o = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
    const text = (k: string) => (o[k] === undefined || o[k] === null ? '' : String(o[k]));
    return {
      rule: text('rule') as RuleKind, metric: text('metric'), rate: text('rate'), amount: text('amount'), threshold: text('threshold'),
      tiers: text('tiers'), mode: text('mode'), cap: text('cap'), months: text('months'), comment: text('comment'),
      ...(o.filter !== undefined && o.filter !== null ? { filter: text('filter') } : {}),
    };
  });
}

/**
 * The engine's check of the drafted scheme, and — given the workbook's metrics — the Schemes
 * sheet's own unknown-metric check (`выручкаа`: "did you mean «выручка»?", SPEC §10.2), one function for both.
 */
function checkDrafts(name: string, drafts: RuleDraft[], lang: Lang, known: () => ReadonlySet<string>) {
  const issues: CheckIssue[] = [];
  const shownName = displayName(name);
  if (shownName === '') issues.push({ rule: null, field: 'scheme', message: msg(lang, 'sb.editor.nameRequired') });
  if (drafts.length === 0) issues.push({ rule: null, field: null, message: msg(lang, 'sb.editor.noRules') });
  // The rule's number in the form stands for the sheet row: messages say "rule n", not a sheet row.
  const rows = drafts.map((d, i) => draftToSchemeRow(shownName, d, { sheet: '', row: i + 1 }));
  const result = validateSchemeRows(rows, lang);
  // The workbook is read for its metrics only when a rule names one the engine does not compute itself.
  const beyondBuiltIns = rows.some((r) => { const m = canonicalMetric(r.metric); return m !== null && !BUILT_IN_METRICS.includes(m); });
  const unknown = beyondBuiltIns ? unknownMetricIssues(rows, known(), lang).issues : [];
  for (const issue of [...result.issues, ...unknown].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))) {
    const index = issue.row === null ? null : issue.row - 1;
    const prefix = issue.row === null ? '' : msg(lang, 'engSchemeRowPrefix', { scheme: shownName, row: issue.row });
    const message = prefix && issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
    issues.push({ rule: index, field: issue.field ?? null, message });
  }
  return { scheme: issues.length === 0 ? result.scheme : null, issues };
}

/** Validation as the owner types: the engine's messages, each with the rule and field at fault. */
export function validateScheme(name: string, drafts: RuleDraft[]): SchemeCheck {
  const ss = spreadsheet();
  const { issues } = checkDrafts(name, cleanDrafts(drafts), spreadsheetLang(ss), () => workbookMetrics(ss, savedMapping()));
  return { ok: issues.length === 0, issues };
}

export interface SaveResult extends SchemeCheck {
  saved: boolean;
  sheet: string;
  rows: number;
  message: string;
  /** Set when another scheme's name reads as this one (`Партнерская схема` / `Партнёрская схема`): save again with confirm to replace it. */
  collision?: { existing: string; rules: number };
}

/**
 * Writes the scheme's rows into the Schemes sheet (created with headers in the spreadsheet's
 * language when absent), replacing only that scheme's rows. Refuses an invalid scheme. A name that
 * reads as another existing scheme's (SPEC §10.2 normalisation: case, spaces, ё/е) is refused
 * without `confirm`, saying which; with `confirm` that scheme's rows are replaced. Saving under the
 * scheme's own name (the name it was opened with) never asks.
 * Under the document lock: one read of the sheet, then only the scheme's cells (SchemeRowsPlan).
 */
export function saveScheme(name: string, drafts: RuleDraft[], confirm?: boolean): SaveResult {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  const clean = cleanDrafts(drafts);
  const check = checkDrafts(name, clean, lang, () => workbookMetrics(ss, savedMapping()));
  const shownName = displayName(name);
  if (check.issues.length > 0) {
    return { ok: false, saved: false, issues: check.issues, sheet: '', rows: 0, message: msg(lang, 'sb.save.refused', { n: check.issues.length }) };
  }
  return withDocumentLock(lang, SCHEMES_LOCK_WAIT_MS, () => {
    const mapping = savedMapping();
    const entry = roleSheet(listSheets(ss), 'schemes', mapping);
    const found = entry?.sheet ?? null;
    const read = found ? readTable(found) : { values: [], formats: [], formulas: [] };
    const names = listSchemeNames(read.values, lang, mapping);
    // The scheme's own name, as shown, is the one it was opened with: an update. Another spelling that
    // reads the same (case, spaces, ё/е) is another scheme the owner may not mean to replace.
    const same = names.find((n) => displayName(n) === shownName);
    const lookalike = same ? undefined : names.find((n) => nameKey(n) === nameKey(shownName) || schemeKey(n) === schemeKey(shownName));
    if (lookalike && !confirm) {
      const rules = readSchemeDrafts(read.values, lookalike, lang, mapping).length;
      return {
        ok: false, saved: false, issues: [], sheet: entry?.name ?? '', rows: 0,
        message: msg(lang, 'ui.scheme.collision', { name: shownName, existing: lookalike, rules }),
        collision: { existing: lookalike, rules },
      };
    }
    const sheetName = entry?.name ?? defaultSchemesName(lang);
    const target = found ?? ss.insertSheet(sheetName);
    try {
      writeRows(target, read, shownName, clean, lang, mapping, lookalike ?? shownName);
    } catch (e) {
      if (!found) bestEffort(() => ss.deleteSheet(target)); // all or nothing: no half-made Schemes sheet
      throw e;
    }
    return {
      ok: true, saved: true, issues: [], sheet: sheetName, rows: clean.length,
      message: msg(lang, 'sb.save.done', { name: shownName, rows: clean.length, sheet: sheetName }),
    };
  });
}

/**
 * How long a save or delete waits for another writer of the document (two editors saving at once
 * would each write rows computed from what they read).
 */
const SCHEMES_LOCK_WAIT_MS = 10_000;

/** Number format that shows a number as Sheets' default does (replaces a stale percent format). */
const PLAIN_NUMBER_FORMAT = '0.###############';

/** The Schemes sheet's values, number formats and formulas (to undo a failed save exactly): one range, three reads. */
interface SchemesTable {
  values: CellValue[][];
  formats: string[][];
  formulas: string[][];
}

function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): SchemesTable {
  if (sheet.getLastRow() === 0) return { values: [], formats: [], formulas: [] };
  const range = sheet.getDataRange();
  return { values: range.getValues() as CellValue[][], formats: range.getNumberFormats(), formulas: range.getFormulas() };
}

/** A cell as it was, for setValues to put back: its formula, text kept as text, anything else as read. */
function previousCell(table: SchemesTable, r: number, c: number): unknown {
  const formula = table.formulas[r]?.[c];
  if (formula) return formula;
  const v = table.values[r]?.[c];
  if (v === undefined || v === null || v === '') return '';
  return typeof v === 'string' ? `'${v}` : v;
}

/**
 * Writes ONLY the scheme's cells (workbook/schemeSheet schemeRowsPlan): one setValues per
 * rectangle of them (one in the usual layout), the grid grown at its end when the table outgrows
 * it. No row is inserted or deleted, no other column or scheme touched.
 */
function writeRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: SchemesTable,
  name: string,
  drafts: RuleDraft[],
  lang: Lang,
  mapping: ColumnMapping,
  replacing: string,
): void {
  const plan = schemeRowsPlan(table.values, name, drafts, lang, mapping, replacing);
  if (plan.headerless) throw new KpiUserError(msg(lang, 'ui.scheme.headerless', { sheet: sheet.getName() }));
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  // every write has its undo: a failing call puts back what the earlier ones changed (SPEC §10.3)
  const undo: (() => void)[] = [];
  try {
    if (plan.width > maxCols) {
      sheet.insertColumnsAfter(maxCols, plan.width - maxCols);
      undo.push(() => sheet.deleteColumns(maxCols + 1, plan.width - maxCols));
    }
    if (plan.height > maxRows) {
      sheet.insertRowsAfter(maxRows, plan.height - maxRows);
      undo.push(() => sheet.deleteRows(maxRows + 1, plan.height - maxRows));
    }
    for (const block of plan.writes) {
      const range = sheet.getRange(block.row, block.col, block.values.length, block.values[0].length);
      const cellAt = <T>(grid: T[][], i: number, j: number) => grid[block.row - 1 + i]?.[block.col - 1 + j];
      const formats = block.values.map((line, i) => line.map((_, j) => cellAt(table.formats, i, j) ?? 'General'));
      // a percent goes in as Sheets makes a typed `4%` (0.04, percent format); a number landing in a
      // cell left percent-formatted by an earlier rule gets the plain format back
      let changed = false;
      const next = block.values.map((line, i) =>
        line.map((v, j) => {
          const f = formats[i][j];
          const want = block.formats[i][j] ?? (/%/.test(f) && typeof v === 'number' ? PLAIN_NUMBER_FORMAT : f);
          if (want !== f) changed = true;
          return want;
        }),
      );
      range.setValues(block.values as unknown[][]);
      undo.push(() => range.setValues(block.values.map((line, i) => line.map((_, j) => previousCell(table, block.row - 1 + i, block.col - 1 + j)))));
      if (changed) {
        range.setNumberFormats(next);
        undo.push(() => range.setNumberFormats(formats));
      }
    }
  } catch (e) {
    for (const step of undo.reverse()) bestEffort(step);
    throw e;
  }
}

/** Removes the scheme's rules from the Schemes sheet: its cells in the table's columns are cleared (no row is deleted). */
export function deleteScheme(name: string): { deleted: boolean; message: string } {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  withDocumentLock(lang, SCHEMES_LOCK_WAIT_MS, () => {
    const mapping = savedMapping();
    const sheet = schemesSheet(ss, mapping);
    const table = sheet ? readTable(sheet) : { values: [], formats: [], formulas: [] };
    if (!sheet || readSchemeDrafts(table.values, name, lang, mapping).length === 0) {
      throw new Error(msg(lang, 'sb.server.schemeNotFound', { name, sheet: sheet?.getName() ?? defaultSchemesName(lang) }));
    }
    writeRows(sheet, table, name, [], lang, mapping, name);
  });
  return { deleted: true, message: msg(lang, 'sb.list.deleted', { name }) };
}

export interface CurvePoint {
  attainment: number;
  salary: number;
  variable: number;
  total: number;
}

export interface CurvePreview {
  ok: boolean;
  points: CurvePoint[];
  issues: CheckIssue[];
}

/** The sample manager's plan: canonical metric → planned value (revenue 1 000 000, deals 10, …). */
export type PreviewSample = Record<string, number>;

/** What the drafted scheme pays the sample manager from 0 % to 150 % of plan (the engine's curve). */
export function previewCurve(drafts: RuleDraft[], sample: PreviewSample): CurvePreview {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  const clean = cleanDrafts(drafts);
  const check = checkDrafts('preview', clean, lang, () => workbookMetrics(ss, savedMapping()));
  if (!check.scheme) return { ok: false, points: [], issues: check.issues };
  const plan: Record<string, Dec> = {};
  for (const [metric, value] of Object.entries(sample ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) plan[metric] = dec(value);
  }
  const points = schemeCurve(check.scheme, { plan });
  return {
    ok: true,
    issues: [],
    points: points.map((p) => ({ attainment: Number(p.attainment), salary: Number(p.salary), variable: Number(p.variable), total: Number(p.total) })),
  };
}

export interface MappingField {
  field: string;
  label: string;
  required: boolean;
  /** The header found by synonyms, without the hand-made mapping. */
  auto: string | null;
  /** The header chosen by hand, or null. */
  chosen: string | null;
}

export interface MappingRole {
  role: SheetRole;
  label: string;
  /** The sheet found by name, and the one chosen by hand. */
  autoSheet: string | null;
  chosenSheet: string | null;
  /** Deals: every sheet of the chosen comma list (several read as one table); [] = found by name. */
  chosenSheets: string[];
  /** Headers of the sheet in use (chosen, else found). */
  headers: string[];
  fields: MappingField[];
}

export interface MappingView {
  sheets: string[];
  roles: MappingRole[];
}

/** The detected mapping of every sheet role, and the hand-made choices saved in the document. */
export function getColumnMapping(): MappingView {
  const ss = spreadsheet();
  return columnMapping(ss, spreadsheetLang(ss), savedMapping());
}

function columnMapping(ss: Spreadsheet, lang: Lang, mapping: ColumnMapping): MappingView {
  // The picker offers the user's sheets: not our generated tabs, not half-built ones.
  const sheets = userSheets(ss);
  const byName: RawSheet[] = sheets.map((e) => ({ name: e.name, values: [] }));
  // Headers only of the sheet each role uses (found by name or chosen by hand), and only its top 20 rows (the header row is among them).
  const inUse = new Set<string>();
  for (const role of SHEET_ROLES) {
    const hit = roleSheets(byName, role, mapping).sheets[0];
    if (hit) inUse.add(hit.name);
  }
  const raw: RawSheet[] = sheets.map((e) => ({ name: e.name, values: inUse.has(e.name) ? topRows(e.sheet) : [] }));
  return mappingView(raw, mapping, lang);
}

/** The first (at most) 20 rows of a sheet: where findHeaderRow looks for the header (SPEC §10.1). */
function topRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): CellValue[][] {
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.getLastRow());
  const cols = sheet.getLastColumn();
  return rows > 0 && cols > 0 ? (sheet.getRange(1, 1, rows, cols).getValues() as CellValue[][]) : [];
}

function mappingView(raw: RawSheet[], mapping: ColumnMapping, lang: Lang): MappingView {
  const roles = SHEET_ROLES.map((role): MappingRole => {
    const auto = findSheet(raw, role).sheet;
    const chosenSheets = role === 'deals' && mapping.sheets?.deals ? chosenDealsSheets(raw, mapping.sheets.deals).found.map((s) => s.name) : [];
    // The headers shown are those of the sheet in use: the first chosen Deals sheet (the others must have the same columns).
    const inUse = roleSheets(raw, role, mapping).sheets[0] ?? findSheet(raw, role, mapping).sheet;
    const columnsOf = (sheet: RawSheet | null, override?: Record<string, string>) => {
      if (!sheet) return null;
      const h = findHeaderRow(sheet.values, role);
      return h < 0 ? null : mapColumns(role, sheet.values[h], override);
    };
    const autoCols = columnsOf(inUse);
    const chosen = mapping.columns?.[role] ?? {};
    return {
      role,
      label: msg(lang, `workbook.role.${role}` as MessageKey),
      autoSheet: auto?.name ?? null,
      chosenSheet: mapping.sheets?.[role] ?? null,
      chosenSheets,
      headers: (autoCols?.headers ?? []).filter((h) => h !== ''),
      fields: ROLE_FIELDS[role].map((spec) => ({
        field: spec.field,
        label: msg(lang, `workbook.field.${spec.field}` as MessageKey),
        required: spec.required,
        auto: autoCols?.header[spec.field] ?? null,
        chosen: chosen[spec.field] ?? null,
      })),
    };
  });
  return { sheets: raw.map((s) => s.name), roles };
}

/**
 * Saves the hand-made mapping (sheet per role, header per field; blanks mean "find it") in the
 * document properties, where every action reads it.
 */
export function saveColumnMapping(mapping: ColumnMapping): MappingView {
  const ss = spreadsheet();
  const lang = spreadsheetLang(ss);
  if (!mapping || typeof mapping !== 'object') throw new Error(msg(lang, 'sb.server.badMapping'));
  const clean: ColumnMapping = {};
  for (const role of SHEET_ROLES) {
    const sheet = mapping.sheets?.[role];
    if (typeof sheet === 'string' && sheet.trim() !== '') (clean.sheets ??= {})[role] = sheet;
    const cols = mapping.columns?.[role];
    if (cols && typeof cols === 'object') {
      const kept: Record<string, string> = {};
      for (const spec of ROLE_FIELDS[role]) {
        const h = cols[spec.field];
        if (typeof h === 'string' && h.trim() !== '') kept[spec.field] = h;
      }
      if (Object.keys(kept).length > 0) (clean.columns ??= {})[role] = kept;
    }
  }
  // Several Deals sheets are saved only when they read as one table: else the owner is told why, nothing saved.
  const deals = clean.sheets?.deals;
  if (deals && chosenDealsSheets(userSheets(ss).map((e) => ({ name: e.name, values: [] })), deals).found.length > 1) {
    const check = dealsSheetsPreview(ss, deals.split(','), clean);
    if (!check.ok) throw new Error(msg(lang, 'sb.deals.notSaved', { reason: check.message ?? '' }));
  }
  PropertiesService.getDocumentProperties().setProperty(MAPPING_PROPERTY, JSON.stringify(clean));
  return columnMapping(ss, lang, clean); // what was just saved: not read back
}

/**
 * The sidebar's Deals picker: the sheets ticked (none = the one found by name) read as one table —
 * deals per sheet and the column report, or why they cannot be one table. Reads only those sheets.
 */
export function previewDealsSheets(names: string[]): DealsSheetsCheck {
  const ss = spreadsheet();
  const list = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  return dealsSheetsPreview(ss, list, savedMapping());
}

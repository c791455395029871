/**
 * The pay ledger of SPEC §11 as data: the rows a closing appends (one per statement line), how
 * they are read back into closed periods, and the checksum chain that tells a hand-edited row.
 * Pure: the workbook layer turns sheet cells into `LedgerCells` and back.
 */
import { ZERO, dec, sum, type Dec } from '../decimal';
import type { Issue } from '../issues';
import type { ManagerPayout, PayoutLine, PayoutRun } from '../model';
import { moneyNumber } from '../money';
import { nameKey } from '../ownership';
import { parsePeriod, periodKey, type Period } from '../periods';
import { FLOOR, ruleVariable } from './floor';

/** The Ledger sheet's columns, in order (SPEC §11's list plus what true-up and trust need). */
export const LEDGER_FIELDS = [
  'period', 'manager', 'scheme', 'rule', 'metric', 'fact', 'plan', 'rate', 'amount', 'explanation',
  'forPeriod', 'ruleVariable', 'shortfall', 'deals', 'closedAt', 'closedBy', 'checksum',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
/** Columns written as numbers; the others as text. */
export const LEDGER_NUMBER_FIELDS: ReadonlySet<LedgerField> = new Set(['fact', 'plan', 'amount', 'ruleVariable', 'shortfall']);

/** One ledger row's cells in LEDGER_FIELDS order: text, numbers, or '' for blank. */
export type LedgerCells = (string | number)[];

/** A rule kind that only carries the deal fingerprints of a manager whose list did not fit their lines' cells. */
export const DEALS_ROW = 'deals';
/** A cell holds at most 50 000 characters in Sheets; fingerprints are cut into chunks well below it. */
const DEALS_CHUNK = 40_000;

/** One manager's part of a closed period, as the ledger holds it. */
export interface ClosedManager {
  manager: string;
  scheme: string;
  lines: PayoutLine[];
  /** The rule-made variable part before the floor, as recorded at closing. */
  ruleVariable: Dec;
  shortfall: Dec;
  /** Deal key → fingerprint of the deals behind the statement at closing. */
  deals: Map<string, string>;
  /** False when one of the manager's rows fails its checksum: never silently trusted. */
  trusted: boolean;
  /** Sheets row numbers of the manager's rows. */
  rows: number[];
}

export interface ClosedPeriod {
  period: Period;
  key: string;
  closedAt: string;
  closedBy: string;
  /** nameKey(manager) → the manager's rows. */
  managers: Map<string, ClosedManager>;
}

export interface Ledger {
  /** The sheet's name as found, or null when the workbook has none yet. */
  sheet: string | null;
  /** Period key → closed period. */
  periods: Map<string, ClosedPeriod>;
  issues: Issue[];
  /** The last row's checksum: the next appended row chains on it. */
  lastChecksum: string;
}

export const EMPTY_LEDGER: Ledger = { sheet: null, periods: new Map(), issues: [], lastChecksum: '' };

// ---------------------------------------------------------------------------------------------
// Checksums

/** FNV-1a over UTF-16 units from a given offset basis, as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** 64 bits of two FNV-1a runs: enough to tell an accidental edit, not a forgery (docs/DECISIONS.md). */
export function hashText(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

/** A cell as the checksum sees it: numbers by their shortest text, so a round trip through a sheet keeps it. */
function canonical(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return '';
  return String(v);
}

/**
 * A row's checksum, chained on the previous row's (so a removed row is seen too).
 * @example rowChecksum('', ['2026-10', 'Анна', …]) // 'v1:…16 hex'
 */
export function rowChecksum(previous: string, cells: readonly unknown[]): string {
  const body = cells.slice(0, LEDGER_FIELDS.length - 1).map(canonical).join('\u0001');
  return 'v1:' + hashText(previous + '\u0002' + body);
}

// ---------------------------------------------------------------------------------------------
// Deal fingerprints

/** Deal keys and fingerprints in the ledger cell: `key=hash` joined by `;` (key escapes `%`, `;`, `=`). */
export function encodeDeals(deals: ReadonlyMap<string, string>): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/=/g, '%3D');
  return [...deals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${esc(k)}=${v}`).join(';');
}

export function decodeDeals(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part === '') continue;
    const eq = part.lastIndexOf('=');
    if (eq < 0) continue;
    out.set(decodeURIComponent(part.slice(0, eq)), part.slice(eq + 1));
  }
  return out;
}

/** Which deals differ between the closing's fingerprints and today's: changed, added, removed (keys). */
export function dealChanges(stored: ReadonlyMap<string, string>, today: ReadonlyMap<string, string>): { changed: string[]; added: string[]; removed: string[] } {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [k, v] of today) {
    const old = stored.get(k);
    if (old === undefined) added.push(k);
    else if (old !== v) changed.push(k);
  }
  for (const k of stored.keys()) if (!today.has(k)) removed.push(k);
  const order = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return { changed: changed.sort(order), added: added.sort(order), removed: removed.sort(order) };
}

// ---------------------------------------------------------------------------------------------
// Rows written at closing

export interface ClosingStamp {
  closedAt: string;
  closedBy: string;
}

function numberCell(v: Dec | null | undefined): number | '' {
  return v === null || v === undefined ? '' : v.toNumber();
}

function rateCell(line: PayoutLine): number | string {
  if (line.rate === null || line.rate === undefined) return '';
  return typeof line.rate === 'string' ? `'${line.rate}` : line.rate.toNumber();
}

/**
 * The rows a closing appends for `run` (every paid manager's statement lines in order), each
 * chained on the one before, the first on `previousChecksum`.
 * @param fingerprints nameKey(manager) → the deals behind the manager's statement
 */
export function closingRows(run: PayoutRun, fingerprints: ReadonlyMap<string, ReadonlyMap<string, string>>, stamp: ClosingStamp, previousChecksum: string): LedgerCells[] {
  const period = periodKey(run.period);
  const rows: LedgerCells[] = [];
  let previous = previousChecksum;
  const push = (cells: (string | number)[]) => {
    const checksum = rowChecksum(previous, cells);
    rows.push([...cells, checksum]);
    previous = checksum;
  };
  for (const m of run.managers) {
    const variable = ruleVariable(m.lines);
    const chunks = chunk(encodeDeals(fingerprints.get(nameKey(m.manager)) ?? new Map()));
    const shortfall = m.shortfall ?? ZERO;
    m.lines.forEach((line, i) => {
      push([
        period, m.manager, m.scheme, line.rule, line.metric ?? '', numberCell(line.fact), numberCell(line.plan), rateCell(line),
        moneyNumber(line.amount), line.explanation, line.forPeriod ?? '', moneyNumber(variable), moneyNumber(shortfall),
        chunks[i] ?? '', stamp.closedAt, stamp.closedBy,
      ]);
    });
    for (let i = m.lines.length; i < chunks.length; i++) {
      push([period, m.manager, m.scheme, DEALS_ROW, '', '', '', '', 0, '', '', moneyNumber(variable), moneyNumber(shortfall), chunks[i], stamp.closedAt, stamp.closedBy]);
    }
  }
  return rows;
}

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += DEALS_CHUNK) out.push(text.slice(i, i + DEALS_CHUNK));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the rows back

/** A ledger row as the workbook reader hands it over: its Sheets row number and its cells in LEDGER_FIELDS order. */
export interface LedgerSheetRow {
  row: number;
  cells: unknown[];
}

export interface LedgerProblem {
  row: number;
  field: LedgerField;
  value: string;
  kind: 'edited' | 'unreadable';
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function numberOf(v: unknown): Dec | null {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return dec(v);
  const t = String(v).trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? dec(t) : null;
}

/**
 * Closed periods from the ledger sheet's rows. A row whose checksum does not match (edited by
 * hand, or a row above it removed) is a problem and makes its manager's period untrusted.
 */
export function readLedgerRows(rows: readonly LedgerSheetRow[]): { periods: Map<string, ClosedPeriod>; problems: LedgerProblem[]; lastChecksum: string } {
  const periods = new Map<string, ClosedPeriod>();
  const problems: LedgerProblem[] = [];
  let previous = '';
  const field = (cells: unknown[], f: LedgerField) => cells[LEDGER_FIELDS.indexOf(f)];
  const dealText = new Map<ClosedManager, string[]>();
  for (const { row, cells } of rows) {
    if (cells.every((c) => text(c).trim() === '')) continue;
    const stored = text(field(cells, 'checksum'));
    const edited = rowChecksum(previous, cells) !== stored;
    previous = stored;
    const periodText = text(field(cells, 'period')).trim();
    const period = parsePeriod(periodText);
    const amount = numberOf(field(cells, 'amount'));
    const manager = text(field(cells, 'manager')).trim();
    if (edited) problems.push({ row, field: 'checksum', value: stored, kind: 'edited' });
    if (!period || amount === null || manager === '') {
      if (!edited) problems.push({ row, field: !period ? 'period' : amount === null ? 'amount' : 'manager', value: text(!period ? periodText : amount === null ? field(cells, 'amount') : manager), kind: 'unreadable' });
      continue;
    }
    const key = periodKey(period);
    let closed = periods.get(key);
    if (!closed) {
      closed = { period, key, closedAt: text(field(cells, 'closedAt')), closedBy: text(field(cells, 'closedBy')), managers: new Map() };
      periods.set(key, closed);
    }
    const mk = nameKey(manager);
    let cm = closed.managers.get(mk);
    if (!cm) {
      cm = {
        manager, scheme: text(field(cells, 'scheme')), lines: [], ruleVariable: numberOf(field(cells, 'ruleVariable')) ?? ZERO,
        shortfall: numberOf(field(cells, 'shortfall')) ?? ZERO, deals: new Map(), trusted: true, rows: [],
      };
      closed.managers.set(mk, cm);
      dealText.set(cm, []);
    }
    cm.rows.push(row);
    if (edited) cm.trusted = false;
    dealText.get(cm)!.push(text(field(cells, 'deals')));
    const rule = text(field(cells, 'rule')).trim();
    if (rule === DEALS_ROW) continue;
    const rate = field(cells, 'rate');
    const forPeriod = text(field(cells, 'forPeriod')).trim();
    cm.lines.push({
      rule, metric: text(field(cells, 'metric')) || null,
      fact: numberOf(field(cells, 'fact')), plan: numberOf(field(cells, 'plan')), attainment: null,
      rate: typeof rate === 'string' && rate.startsWith("'") ? rate.slice(1) : numberOf(rate),
      amount: amount, explanation: text(field(cells, 'explanation')), next: null, dealRefs: [],
      ...(forPeriod ? { forPeriod } : {}),
    });
  }
  for (const [cm, parts] of dealText) cm.deals = decodeDeals(parts.join(''));
  return { periods, problems, lastChecksum: previous };
}

/** A closed period's statements as a run, exactly as the ledger holds them (SPEC §11: they never change). */
export function closedManagerPayout(closed: ClosedPeriod, cm: ClosedManager): ManagerPayout {
  const salary = sum(cm.lines.filter((l) => l.rule === 'salary').map((l) => l.amount));
  const total = sum(cm.lines.map((l) => l.amount));
  return {
    manager: cm.manager, scheme: cm.scheme, period: closed.period, lines: cm.lines, salary,
    variableBeforeKpi: cm.ruleVariable, kpiRows: [], kpiCoefficient: null,
    variable: total.minus(salary), total, attainment: null, margin: null, deals: [], notes: [],
    shortfall: cm.shortfall,
  };
}

/** Σ of the true-ups for `target` already made in closed periods after it and before `before` (keys compared as periods). */
export function trueUpsMade(ledger: Ledger, managerKey: string, target: string, isBetween: (p: ClosedPeriod) => boolean): Dec {
  const amounts: Dec[] = [];
  for (const closed of ledger.periods.values()) {
    if (!isBetween(closed)) continue;
    const cm = closed.managers.get(managerKey);
    if (!cm) continue;
    for (const l of cm.lines) if (l.rule === 'adjustment' && l.forPeriod === target) amounts.push(l.amount);
  }
  return sum(amounts);
}

export { FLOOR };

/** Small builders for engine tests: PayoutInput objects written as plain rows. */
import { dec, type Dec } from '../../../src/core/decimal';
import { canonicalMetric } from '../../../src/core/metricNames';
import type { Deal, DealStatus, KpiFact, Payment, PayoutInput, PayoutOptions, PlanRow, SchemeRow } from '../../../src/core/model';
import { parsePeriod, type Period } from '../../../src/core/periods';
import { SCHEME_TEMPLATES, type RuleDraft } from '../../../src/core/templates';
import { draftToSchemeRow } from '../../../src/core/schemes';

export interface DealSpec {
  row?: number;
  id?: string;
  date: string;
  manager: string;
  client?: string;
  amount: number | string;
  cost?: number | string;
  margin?: number | string;
  status?: DealStatus;
  paid?: number | string;
  paidDate?: string;
  partnerPrice?: number | string;
  attractedBy?: string;
}

const d = (v: number | string | undefined): Dec | null => (v === undefined ? null : dec(v));

export function deals(specs: DealSpec[]): Deal[] {
  return specs.map((s, i) => {
    const amount = dec(s.amount);
    const margin = s.margin !== undefined ? dec(s.margin) : s.cost !== undefined ? amount.minus(dec(s.cost)) : null;
    return {
      ref: { sheet: 'Сделки', row: s.row ?? i + 2 },
      id: s.id ?? null,
      date: s.date,
      manager: s.manager,
      client: s.client ?? null,
      amount,
      cost: d(s.cost),
      margin,
      status: s.status ?? 'won',
      paid: d(s.paid),
      paidDate: s.paidDate ?? null,
      partnerPrice: d(s.partnerPrice),
      attractedBy: s.attractedBy ?? null,
    };
  });
}

export function period(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`bad period ${text}`);
  return p;
}

export function plan(row: number, periodText: string, manager: string, scheme: string, targets: Record<string, number | string> = {}): PlanRow {
  const t: Record<string, Dec> = {};
  for (const [k, v] of Object.entries(targets)) t[canonicalMetric(k) as string] = dec(v);
  return { ref: { sheet: 'Планы', row }, period: period(periodText), manager, scheme, targets: t };
}

export function payment(row: number, dealId: string, date: string, amount: number | string): Payment {
  return { ref: { sheet: 'Оплаты', row }, dealId, date, amount: dec(amount) };
}

export function kpiFact(row: number, periodText: string, manager: string, metric: string, value: number | string): KpiFact {
  return { ref: { sheet: 'Показатели', row }, period: period(periodText), manager, metric: canonicalMetric(metric) as string, value: dec(value) };
}

type RowCells = Partial<Omit<SchemeRow, 'ref' | 'scheme'>>;

/** Scheme rows from cells; rows numbered from `firstRow`. */
export function schemeRows(scheme: string, rules: RowCells[], firstRow = 2): SchemeRow[] {
  return rules.map((r, i) => ({
    ref: { sheet: 'Схемы', row: firstRow + i },
    scheme,
    rule: '', metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '',
    ...r,
  }));
}

/** The rows of a seed template under a scheme name. */
export function templateRows(id: 'seed001' | 'seed002' | 'seed003', scheme: string, firstRow = 2): SchemeRow[] {
  const t = SCHEME_TEMPLATES.find((x) => x.id === id)!;
  return t.rules.map((r: RuleDraft, i) => draftToSchemeRow(scheme, r, { sheet: 'Схемы', row: firstRow + i }));
}

export function input(parts: Partial<PayoutInput> & { deals: Deal[] }, columns: Partial<PayoutInput['columns']> = {}): PayoutInput {
  return {
    payments: null,
    plans: [],
    kpiFacts: [],
    schemeRows: [],
    ...parts,
    columns: { status: true, client: true, margin: true, paid: false, partnerPrice: true, attractedBy: true, dealId: true, ...columns },
    // A Plans sheet exists when the test gives Plans rows: without one, no Plans row withholds nobody (SPEC §10.2).
    sheetNames: { deals: 'Сделки', payments: parts.payments ? 'Оплаты' : null, plans: parts.plans && parts.plans.length > 0 ? 'Планы' : null, kpi: 'Показатели', schemes: 'Схемы' },
  };
}

export const RU: PayoutOptions = { lang: 'ru', currency: 'RUB' };
export const EN: PayoutOptions = { lang: 'en', currency: 'RUB' };

/** A line's amount as a string with two decimals, for readable expectations. */
export const money = (v: Dec) => v.toFixed(2);

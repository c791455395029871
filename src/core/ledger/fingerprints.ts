/**
 * Deal fingerprints (SPEC §11 true-ups "naming the deals that changed"): at closing, each deal
 * behind a manager's statement is stored as key → a short hash of everything about it that can
 * change pay (date, manager, client, amount, cost/margin, status, paid, partner price, attracted
 * by, its payments up to the period's end). Recomputing a closed period compares today's with them.
 */
import type { Deal, ManagerPayout, Payment, PayoutInput, SourceRef } from '../model';
import { nameKey } from '../ownership';
import { periodEnd, type Period } from '../periods';
import { hashText } from './ledger';

/** A deal's key in the ledger: its id, else its sheet and row. */
export function dealKey(d: Deal): string {
  return d.id !== null && d.id !== '' ? d.id : `${d.ref.sheet}!${d.ref.row}`;
}

const refKey = (ref: SourceRef) => `${ref.sheet}\u0000${ref.row}`;
const opt = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? '' : v.toString());

/** Lookups over the whole input, built once per run. */
export interface DealIndex {
  byRef: Map<string, Deal>;
  paymentsByDeal: Map<string, Payment[]>;
}

export function dealIndex(input: PayoutInput): DealIndex {
  const byRef = new Map<string, Deal>();
  for (const d of input.deals) byRef.set(refKey(d.ref), d);
  const paymentsByDeal = new Map<string, Payment[]>();
  for (const p of input.payments ?? []) {
    const list = paymentsByDeal.get(p.dealId) ?? [];
    list.push(p);
    paymentsByDeal.set(p.dealId, list);
  }
  return { byRef, paymentsByDeal };
}

function fingerprint(d: Deal, index: DealIndex, end: string): string {
  const payments = (d.id ? index.paymentsByDeal.get(d.id) ?? [] : [])
    .filter((p) => p.date < end)
    .map((p) => `${p.date}:${p.amount.toString()}`)
    .sort()
    .join(',');
  return hashText([
    d.date, nameKey(d.manager), d.client ? nameKey(d.client) : '', d.amount.toString(), opt(d.cost), opt(d.margin), d.status,
    opt(d.paid), d.paidDate ?? '', opt(d.partnerPrice), d.attractedBy ? nameKey(d.attractedBy) : '', payments,
  ].join('|')).slice(0, 10);
}

/**
 * The deals behind a manager's statement (their own deals of the period and every line's deals)
 * with their fingerprints.
 */
export function managerFingerprints(m: ManagerPayout, period: Period, index: DealIndex): Map<string, string> {
  const end = periodEnd(period);
  const out = new Map<string, string>();
  const add = (d: Deal | undefined) => {
    if (d) out.set(dealKey(d), fingerprint(d, index, end));
  };
  for (const d of m.deals) add(d);
  for (const line of m.lines) for (const ref of line.dealRefs ?? []) add(index.byRef.get(refKey(ref)));
  return out;
}

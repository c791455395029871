/** core/headline.ts: the attainment a statement and the summary show (issue 16). */
import { describe, expect, it } from 'vitest';
import { dec, type Dec } from '../../../src/core/decimal';
import { headline } from '../../../src/core/headline';
import type { PayoutLine } from '../../../src/core/model';

const line = (rule: string, metric: string | null, attainment: string | null): PayoutLine =>
  ({ rule, metric, fact: null, plan: null, attainment: attainment === null ? null : dec(attainment), rate: null, amount: dec(0), explanation: '' });
const facts = (f: Record<string, number | null>) => (metric: string): Dec | null => (f[metric] === undefined || f[metric] === null ? null : dec(f[metric]!));
const shown = (h: ReturnType<typeof headline>) => (h ? [h.metric, h.attainment.toString()] : null);

describe('headline attainment', () => {
  it('the first line that pays against a plan, in scheme order: margin 316 193,48 ÷ 290 000, not the revenue plan', () => {
    const lines = [line('salary', null, null), line('percent', 'margin', '1.0903'), line('client_turnover', 'revenue', null), line('new_client_bonus', 'new_clients', '0')];
    expect(shown(headline(lines, { revenue: dec(3000000) }, facts({ revenue: 3423300 })))).toEqual(['margin', '1.0903']);
  });
  it('skips K, gate, limit and §11 lines even when they carry a metric', () => {
    const lines = [line('limit', 'margin', '0.5'), line('kpi', 'conversion', '1.2'), line('plan_bonus', 'deals', '1.25')];
    expect(shown(headline(lines, {}, facts({})))).toEqual(['deals', '1.25']);
  });
  it('no line against a plan (4 % of paid revenue × K): the revenue plan, 1 202 154,11 ÷ 1 000 000 … named revenue', () => {
    const lines = [line('salary', null, null), line('percent', 'paid_revenue', null), line('kpi', null, null)];
    expect(shown(headline(lines, { contacts: dec(300), revenue: dec(1000000) }, facts({ revenue: 1202154.11, contacts: 202 })))).toEqual(['revenue', '1.20215411']);
  });
  it('without a revenue plan, the first planned metric with a fact (contacts 202 ÷ 300); a revenue plan whose fact is missing gives none', () => {
    expect(shown(headline([], { margin: dec(0), contacts: dec(300) }, facts({ contacts: 202 })))?.[0]).toBe('contacts');
    expect(headline([], { revenue: dec(1000000), contacts: dec(300) }, facts({ revenue: null, contacts: 202 }))).toBeNull();
  });
});

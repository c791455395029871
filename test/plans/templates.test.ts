/** SPEC §14 wizard templates: valid as written, and paying what they say. */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../src/core/payout';
import { PLAN_TEMPLATES } from '../../src/core/planTemplates';
import { draftToSchemeRow, validateSchemeRows } from '../../src/core/schemes';
import { deals, input, period, plan, RU } from '../core/engine/builders';

const rowsOf = (id: string, name: string) => PLAN_TEMPLATES.find((t) => t.id === id)!.rules.map((r, i) => draftToSchemeRow(name, r, { sheet: 'Схемы', row: 2 + i }));
const COLUMNS = { status: true, client: true, margin: true, paid: false, partnerPrice: false, attractedBy: false, dealId: false, category: true };

describe('§14 templates', () => {
  it('are valid schemes', () => {
    for (const t of PLAN_TEMPLATES) expect(validateSchemeRows(rowsOf(t.id, t.name.ru), 'ru', COLUMNS).issues).toEqual([]);
  });
  it('rates by category pays 3 % on Арматура, 5 % on Неликвид, +1 % on new clients', () => {
    // 2026-11: Арматура 100 000 (client new) → 3 000 + 1 000; Неликвид 50 000 (client bought in October) → 2 500;
    // Услуги 70 000 (no category rule; client new) → 700. 30 000 + 3 000 + 2 500 + 1 000 + 700 = 37 200.
    const ds = deals([
      { date: '2026-10-02', manager: 'Анна', client: 'Старый', amount: 10000 },
      { date: '2026-11-02', manager: 'Анна', client: 'Новый', amount: 100000 },
      { date: '2026-11-03', manager: 'Анна', client: 'Старый', amount: 50000 },
      { date: '2026-11-04', manager: 'Анна', client: 'Ещё новый', amount: 70000 },
    ]);
    ds[0].category = 'Арматура'; ds[1].category = 'Арматура'; ds[2].category = 'неликвид'; ds[3].category = 'Услуги';
    const run = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', 'Анна', 'Категории')], schemeRows: rowsOf('byCategory', 'Категории') }, { category: true }), period('2026-11'), RU);
    expect(run.managers[0].lines.map((l) => l.amount.toNumber())).toEqual([30000, 3000, 2500, 1700]);
    expect(run.managers[0].total.toNumber()).toBe(37200);
  });
});

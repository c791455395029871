/**
 * The seeds' motivation schemes as ready-made templates (SPEC §6 *Schemes…*). The sidebar offers
 * them, the demo workbook ships them, and the engine tests pay them: one definition for all three.
 *
 * A draft holds each cell as the owner would type it into the Schemes sheet (SPEC §2), in the
 * canonical English words; `core/schemes` parses and validates drafts exactly like sheet rows.
 */
import type { Lang } from './money';

export type RuleKind =
  | 'salary'
  | 'percent'
  | 'tiers'
  | 'plan_bonus'
  | 'deal_bonus'
  | 'new_client_bonus'
  | 'client_turnover'
  | 'partner_price'
  | 'kpi'
  | 'kpi_gate'
  | 'limit'
  | 'team_override'
  | 'guarantee'
  | 'company_limit';

/** One rule row of a scheme as typed text (blank = ''), keyed by the Schemes sheet's columns. */
export interface RuleDraft {
  rule: RuleKind;
  metric: string;
  rate: string;
  amount: string;
  threshold: string;
  tiers: string;
  mode: string;
  cap: string;
  months: string;
  comment: string;
  /** SPEC §14 `filter` / `условие` (`категория = Арматура и клиент = новый`); absent = none. */
  filter?: string;
}

export interface SchemeTemplate {
  id: 'seed001' | 'seed002' | 'seed003';
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  rules: RuleDraft[];
}

function rule(kind: RuleKind, cells: Partial<Omit<RuleDraft, 'rule'>>): RuleDraft {
  return { rule: kind, metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '', ...cells };
}

export const SCHEME_TEMPLATES: readonly SchemeTemplate[] = [
  {
    id: 'seed001',
    name: { ru: 'Оклад + % + бонусы', en: 'Salary + % + bonuses' },
    description: {
      ru: 'Небольшой оклад + % от сделки + бонус за выполнение индивидуального плана + бонус за количество договоров.',
      en: 'A small salary + % of the deal + a bonus for the individual plan + a bonus per deal over a count.',
    },
    rules: [
      rule('salary', { amount: '30000', comment: 'Небольшой оклад' }),
      rule('percent', { metric: 'revenue', rate: '3%', comment: '% от сделки' }),
      rule('plan_bonus', { metric: 'revenue', amount: '20000', threshold: '100%', comment: 'Бонус за выполнение плана' }),
      rule('deal_bonus', { amount: '2000', threshold: '5', comment: 'За каждый договор сверх пяти' }),
    ],
  },
  {
    id: 'seed002',
    name: { ru: 'Партнёрская схема', en: 'Partner scheme' },
    description: {
      ru: '% от личной маржи, 2–5 % со всех покупок привлечённых клиентов, бонус за нового клиента и партнёрская цена для выполнивших план по клиентам.',
      en: '% of personal margin, 2–5 % of everything attracted clients buy, a new-client bonus, and partner price for those who met the client plan.',
    },
    rules: [
      rule('salary', { amount: '25000' }),
      rule('percent', { metric: 'margin', rate: '10%', comment: 'Личная маржа' }),
      rule('client_turnover', { metric: 'revenue', tiers: '0:5%; 12:3%; 24:2%', comment: 'Процент с оборота привлечённых клиентов' }),
      rule('new_client_bonus', { amount: '3000', comment: 'За каждого нового клиента' }),
      rule('partner_price', { comment: 'Только выполнившим план по клиентам' }),
    ],
  },
  {
    id: 'seed003',
    name: { ru: 'Оплаты × KPI', en: 'Cash collected × KPI' },
    description: {
      ru: '% от поступивших оплат, умноженный на коэффициент KPI (конверсия, собираемость, контакты), с порогом KPI и лимитом от маржи.',
      en: '% of cash collected times a KPI coefficient (conversion, collection, contacts), with a KPI gate and a limit against margin.',
    },
    rules: [
      rule('salary', { amount: '35000' }),
      rule('percent', { metric: 'paid_revenue', rate: '4%', comment: '% от оплат' }),
      rule('kpi', { metric: 'conversion', rate: '0.4', threshold: '30%', cap: '1.2' }),
      rule('kpi', { metric: 'collection', rate: '0.4', threshold: '90%', cap: '1.2' }),
      rule('kpi', { metric: 'contacts', rate: '0.2', threshold: '300', cap: '1.2' }),
      rule('kpi_gate', { threshold: '0.5', comment: 'Ниже 50 % KPI переменная часть не платится' }),
      rule('limit', { metric: 'margin', rate: '15%', comment: 'Не более 15 % маржи' }),
    ],
  },
];

/** The Schemes sheet's columns, in order (SPEC §2), with their headers in both languages. */
export const SCHEME_COLUMNS = ['scheme', 'rule', 'metric', 'rate', 'amount', 'threshold', 'tiers', 'mode', 'cap', 'months', 'comment'] as const;
/**
 * SPEC §14's `filter` / `условие`: found by its header wherever it stands; the wizard writes it as
 * the twelfth column, and adds it only when a rule has a filter (a sheet without filters keeps its 11).
 */
export const FILTER_COLUMN = 'filter' as const;
export type SchemeColumn = (typeof SCHEME_COLUMNS)[number] | typeof FILTER_COLUMN;

export const SCHEME_HEADERS: Record<Lang, Record<SchemeColumn, string>> = {
  en: { scheme: 'scheme', rule: 'rule', metric: 'metric', rate: 'rate', amount: 'amount', threshold: 'threshold', tiers: 'tiers', mode: 'mode', cap: 'cap', months: 'months', comment: 'comment', filter: 'filter' },
  ru: { scheme: 'схема', rule: 'правило', metric: 'показатель', rate: 'ставка', amount: 'сумма', threshold: 'порог', tiers: 'шкала', mode: 'режим', cap: 'потолок', months: 'месяцев', comment: 'комментарий', filter: 'условие' },
};

/**
 * SPEC §14 templates the wizard offers after the seeds' schemes: rates by category, a head of
 * sales paid on the team, a new hire with a guarantee. Drafts as the owner would type them.
 */
import type { Lang } from './money';
import type { RuleDraft, RuleKind } from './templates';

export interface PlanTemplate {
  id: 'byCategory' | 'headOfSales' | 'newHire';
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  rules: RuleDraft[];
}

function rule(kind: RuleKind, cells: Partial<Omit<RuleDraft, 'rule'>>): RuleDraft {
  return { rule: kind, metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '', filter: '', ...cells };
}

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: 'byCategory',
    name: { ru: 'Ставки по категориям', en: 'Rates by category' },
    description: {
      ru: 'Оклад + разный % по категориям товара (больше за неликвид), больше за новых клиентов, чем за повторные продажи.',
      en: 'Salary + a different % per product category (more for slow stock), more for new clients than for repeat sales.',
    },
    rules: [
      rule('salary', { amount: '30000' }),
      rule('percent', { metric: 'revenue', rate: '3%', filter: 'категория = Арматура', comment: 'Основной ассортимент' }),
      rule('percent', { metric: 'revenue', rate: '5%', filter: 'категория = Неликвид', comment: 'Залежавшийся товар' }),
      rule('percent', { metric: 'revenue', rate: '1%', filter: 'клиент = новый', comment: 'Надбавка за нового клиента' }),
    ],
  },
  {
    id: 'headOfSales',
    name: { ru: 'Руководитель отдела: оклад + командный %', en: 'Head of sales: salary + team override' },
    description: {
      ru: 'Оклад, % от своих продаж и % от выручки команды (у кого он руководитель в листе «Сотрудники»).',
      en: 'Salary, % of own sales and % of the team\'s revenue (whose head they are in the Managers sheet).',
    },
    rules: [
      rule('salary', { amount: '60000' }),
      rule('percent', { metric: 'revenue', rate: '2%', comment: 'Свои продажи' }),
      rule('team_override', { metric: 'revenue', rate: '1%', comment: 'Выручка команды' }),
    ],
  },
  {
    id: 'newHire',
    name: { ru: 'Новичок с гарантией', en: 'New hire with a guarantee' },
    description: {
      ru: 'Оклад + % от выручки; первые 3 месяца с даты приёма переменная часть не меньше 20 000.',
      en: 'Salary + % of revenue; for the first 3 months from the hired date the variable part is at least 20 000.',
    },
    rules: [
      rule('salary', { amount: '25000' }),
      rule('percent', { metric: 'revenue', rate: '4%' }),
      rule('guarantee', { amount: '20000', months: '3', comment: 'Пока нарабатывает клиентов' }),
    ],
  },
];

import type { MessageEntry } from './index';

/** The wizard's texts for SPEC §14 (filters, team override, guarantee, company fund) (owner: plans). */
export const sidebarPlansMessages = {
  'sb.kind.team_override': { ru: 'Командный процент', en: 'Team override' },
  'sb.kind.guarantee': { ru: 'Гарантия новичку', en: 'Guarantee for a new hire' },
  'sb.kind.company_limit': { ru: 'Фонд компании (схема *)', en: 'Company fund (scheme *)' },
  'sb.help.team_override': {
    ru: 'Руководителю: ставка или шкала от показателя его команды (у кого он руководитель в листе «Сотрудники»).',
    en: 'For a head of sales: a rate or tiers on the metric of their team (whose head they are in the Managers sheet).',
  },
  'sb.help.guarantee': {
    ru: 'Первые месяцы после даты приёма переменная часть не меньше суммы: разницу доплачивает отдельная строка.',
    en: 'For the first months after the hired date the variable part is at least the amount: a line tops it up.',
  },
  'sb.help.company_limit': {
    ru: 'Только в схеме с именем *: переменные части всех менеджеров вместе не больше ставки от показателя компании или суммы; иначе все уменьшаются в одной пропорции.',
    en: 'Only in the scheme named *: all managers\' variable parts together at most a rate of the company metric, or an amount; above it all are scaled by one factor.',
  },
  'sb.field.filter': { ru: 'Условие (необязательно)', en: 'Filter (optional)' },
  'sb.field.guarantee.months': { ru: 'Месяцев с даты приёма', en: 'Months from the hired date' },
  'sb.field.client_turnover.mode': { ru: 'Режим', en: 'Mode' },
  'sb.mode.subsequent': { ru: 'Без первой покупки клиента', en: 'Without the client\'s first purchase' },
  'simulate.revenueShareShort': { ru: 'от выручки', en: 'of revenue' },
  'simulate.fundBindsShort': { ru: 'Фонд компании превышен: коэффициент', en: 'Company fund exceeded: factor' },
  'sb.filter.hint': { ru: 'например: категория = Арматура и клиент = новый', en: 'e.g. category = Rebar and client = new' },
} satisfies Record<string, MessageEntry>;

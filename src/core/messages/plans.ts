import type { MessageEntry } from './index';

/** Messages of the richer plans of SPEC §14: filters, splits, teams, guarantees, the company fund (owner: plans). */
export const plansMessages = {
  // Filters (Schemes sheet `filter` / `условие`)
  plansFilterSyntax: {
    en: 'filter part "{part}" is not written as column = value (e.g. category = Rebar, deal type ≠ upsell, client = new)',
    ru: 'часть условия «{part}» не в виде столбец = значение (например: категория = Арматура, тип сделки ≠ допродажа, клиент = новый)',
  },
  plansFilterAttribute: {
    en: 'filter part "{part}": a filter can name category, product, deal type or client',
    ru: 'часть условия «{part}»: в условии может быть категория, товар, тип сделки или клиент',
  },
  plansFilterDealType: { en: 'filter part "{part}": a deal type is new, repeat or upsell', ru: 'часть условия «{part}»: тип сделки — новая, повторная или допродажа' },
  plansFilterClient: { en: 'filter part "{part}": a client is new or regular', ru: 'часть условия «{part}»: клиент — новый или постоянный' },
  plansFilterNoColumn: {
    en: 'the filter names {attribute}, and the Deals sheet has no such column',
    ru: 'в условии указан столбец «{attribute}», а в листе сделок его нет',
  },
  plansFilterNotDealMetric: {
    en: 'a filter picks deals, and "{metric}" does not come from the deals',
    ru: 'условие отбирает сделки, а показатель «{metric}» берётся не из сделок',
  },
  plansFilterNotAllowed: { en: 'rule "{rule}" makes no line of its own: it cannot have a filter', ru: 'правило «{rule}» не даёт своей строки: условие для него не задаётся' },
  plansAttrCategory: { en: 'category', ru: 'категория' },
  plansAttrProduct: { en: 'product', ru: 'товар' },
  plansAttrDealType: { en: 'deal type', ru: 'тип сделки' },
  plansAttrClient: { en: 'client', ru: 'клиент' },
  plansDescCategory: { en: 'in category «{value}»', ru: 'по категории «{value}»' },
  plansDescNotCategory: { en: 'outside category «{value}»', ru: 'кроме категории «{value}»' },
  plansDescProduct: { en: 'for product «{value}»', ru: 'по товару «{value}»' },
  plansDescNotProduct: { en: 'except product «{value}»', ru: 'кроме товара «{value}»' },
  plansDescDealType: { en: 'of deal type «{value}»', ru: 'по типу сделки «{value}»' },
  plansDescNotDealType: { en: 'except deal type «{value}»', ru: 'кроме типа сделки «{value}»' },
  plansDescNewClients: { en: 'from new clients', ru: 'по новым клиентам' },
  plansDescNotNewClients: { en: 'except new clients', ru: 'кроме новых клиентов' },
  plansDescRegularClients: { en: 'from regular clients', ru: 'по постоянным клиентам' },
  plansDescNotRegularClients: { en: 'except regular clients', ru: 'кроме постоянных клиентов' },
  plansFilterPrefix: { en: '{metric} {filter}: ', ru: '{metric} {filter}: ' },

  // Deals sheet: deal type and split columns
  'workbook.field.product': { en: 'product', ru: 'товар' },
  'workbook.field.category': { en: 'category', ru: 'категория' },
  'workbook.field.dealType': { en: 'deal type', ru: 'тип сделки' },
  'workbook.field.split': { en: 'split', ru: 'доли' },
  'workbook.field.filter': { en: 'filter', ru: 'условие' },
  plansIssueDealType: {
    en: '{column} "{value}" is not a deal type (new, repeat, upsell): the deal counts, but not for rules filtered by deal type',
    ru: '{column} «{value}» — не тип сделки (новая, повторная, допродажа): сделка учтена, но не в правилах с условием по типу сделки',
  },
  plansIssueSplitSyntax: {
    en: '{column} "{value}" is not written as «Name 60%; Name 40%»: the deal is left out',
    ru: '{column} «{value}» не в виде «Фамилия 60%; Фамилия 40%»: сделка не учтена',
  },
  plansIssueSplitSum: {
    en: '{column} "{value}": the shares add up to {sum}, not 100 %: the deal is left out',
    ru: '{column} «{value}»: доли в сумме {sum}, а не 100 %: сделка не учтена',
  },

  // Metrics, rules
  plansReasonNoRegular: { en: 'no regular clients in the period', ru: 'в периоде нет постоянных клиентов' },
  plansReasonNoManagersSheet: { en: 'there is no Managers sheet saying who is on whose team', ru: 'нет листа сотрудников с руководителями команд' },
  plansReasonNoTeam: { en: 'nobody in the Managers sheet has {manager} as head', ru: 'ни у кого в листе сотрудников руководитель не {manager}' },
  plansReasonNoHired: { en: 'the Managers sheet gives no hired date for {manager}', ru: 'в листе сотрудников нет даты приёма для {manager}' },
  plansSchemeTeamMetric: { en: 'a team override is paid on an amount or a count summed over the team, not on "{value}"', ru: 'командный процент считается от суммы или количества по команде, а не от «{value}»' },
  plansSchemeGuaranteeNeeds: { en: 'a guarantee needs an amount and months', ru: 'для гарантии нужны сумма и число месяцев' },
  plansSchemeFundOnlyStar: { en: 'a company fund goes in the scheme named *, which applies to the whole company', ru: 'фонд задаётся в схеме с именем *, которая действует на всю компанию' },
  plansSchemeStarOnlyFund: { en: 'the scheme named * holds only the company fund', ru: 'в схеме * задаётся только фонд' },
  plansSchemeFundMetric: { en: 'the company fund is measured on revenue, margin, paid revenue or paid margin, not "{value}"', ru: 'фонд считается от выручки, маржи, оплаченной выручки или оплаченной маржи, а не от «{value}»' },
  plansExplainTeam: { en: 'Team of {count} ({names}): {terms} = {amount}', ru: 'Команда из {count} ({names}): {terms} = {amount}' },
  plansExplainTurnoverSubsequent: { en: ' (the client\'s first deal left out)', ru: ' (без первой сделки клиента)' },
  plansExplainGuarantee: {
    en: 'Guarantee {amount} for {months} months from {hired}: variable part {variable} → top-up {topUp}',
    ru: 'Гарантия {amount} на {months} мес. с {hired}: переменная часть {variable} → доплата {topUp}',
  },
  plansRuleGuarantee: { en: 'guarantee', ru: 'гарантия' },
  plansExplainGuaranteeOver: { en: 'Guarantee {amount} ({period} is past the first {months} months from {hired})', ru: 'Гарантия {amount} (период {period} — позже первых {months} мес. с {hired})' },
  plansExplainFund: {
    en: 'Company fund: at most {cap}; all variable parts {total} → × {factor}: {variable} → {scaled}',
    ru: 'Фонд компании: не более {cap}; переменные части всех {total} → × {factor}: {variable} → {scaled}',
  },
  plansFundCapRate: { en: '{rate} × company {metric} {fact} = {cap}', ru: '{rate} × {metric} компании {fact} = {cap}' },
  'tabs.rule.team_override': { en: 'Team override on {metric}', ru: 'Командный процент ({metric})' },
  'tabs.rule.guarantee': { en: 'Guarantee top-up', ru: 'Доплата до гарантии' },
  'tabs.rule.company_limit': { en: 'Company fund', ru: 'Фонд компании' },
  plansSummaryRevenueShare: { en: 'Payroll ÷ revenue: {share} ({payroll} of {revenue})', ru: 'Выплаты ÷ выручка: {share} ({payroll} из {revenue})' },
  plansSummaryFundBinds: {
    en: 'Company fund {cap}: variable parts {variable} exceeded it, each scaled by {factor}',
    ru: 'Фонд компании {cap}: переменные части {variable} его превысили, каждая умножена на {factor}',
  },
  plansSummaryFundFree: { en: 'Company fund {cap}: variable parts {variable} fit in it', ru: 'Фонд компании {cap}: переменные части {variable} в него укладываются' },
  plansDealShare: { en: '{manager} · {share}', ru: '{manager} · {share}' },
  plansSimFundBinds: {
    en: '{scheme}, {period}: the company fund binds — every variable part would be scaled by {factor}',
    ru: '{scheme}, {period}: фонд компании превышен — каждая переменная часть была бы умножена на {factor}',
  },
  plansNoteFundMissing: { en: 'The company fund was not applied: {reason}', ru: 'Фонд компании не применён: {reason}' },
} satisfies Record<string, MessageEntry>;

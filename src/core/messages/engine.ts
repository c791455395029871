import type { MessageEntry } from './index';

/** Messages of the payout engine: rule explanations, scheme validation, missing facts (owner: engine). */
export const engineMessages = {
  // Scheme validation (Schemes sheet, sidebar "validate as you type")
  engSchemeRowPrefix: { en: 'Scheme "{scheme}", row {row}: ', ru: 'Схема «{scheme}», строка {row}: ' },
  engSchemeBadNumber: { en: '{column} "{value}" is not a number', ru: '{column} «{value}» — не число' },
  engSchemeMissing: { en: 'rule "{rule}" needs the {column} column filled in', ru: 'для правила «{rule}» нужно заполнить столбец «{column}»' },
  engSchemeTiersEmpty: { en: 'the tier table is empty', ru: 'шкала пуста' },
  engSchemeTiersNotAscending: { en: 'tier thresholds must ascend; "{entry}" is not above the one before', ru: 'пороги шкалы должны возрастать; «{entry}» не больше предыдущего' },
  engSchemeTiersBadEntry: { en: 'tier "{entry}" is not written as threshold:value', ru: 'ступень «{entry}» не в виде порог:значение' },
  engSchemeRuleBlank: { en: 'the rule is blank', ru: 'правило не указано' },
  engSchemeUnknownRule: {
    en: 'unknown rule "{value}" (salary, percent, tiers, plan bonus, deal bonus, new client bonus, client turnover, partner price, kpi, kpi gate, limit)',
    ru: 'неизвестное правило «{value}» (оклад, процент, шкала, бонус за план, бонус за сделки, бонус за клиента, процент с клиентов, партнёрская цена, kpi, порог kpi, лимит)',
  },
  engSchemeBadMode: { en: 'mode "{value}" is neither whole nor marginal', ru: 'режим «{value}» — не «весь объём» и не «ступенчато»' },
  engSchemeAmountOrTiers: { en: 'rule "{rule}" needs an amount or tiers', ru: 'для правила «{rule}» нужна сумма или шкала' },
  engSchemeRateOrTiers: { en: 'rule "{rule}" needs a rate or tiers', ru: 'для правила «{rule}» нужна ставка или шкала' },
  engSchemeTurnoverMetric: { en: 'client turnover is paid on revenue or margin, not "{value}"', ru: 'процент с клиентов считается от выручки или маржи, а не от «{value}»' },
  engSchemeBadMonths: { en: 'months "{value}" must be a whole number above 0 (blank = for ever)', ru: 'месяцев «{value}» — нужно целое число больше 0 (пусто = бессрочно)' },
  engSchemeBadCap: { en: 'the KPI cap must be above 0', ru: 'потолок KPI должен быть больше 0' },
  engSchemeLimitNeeds: { en: 'a limit needs a metric and a rate, or an amount', ru: 'для лимита нужен показатель и ставка или сумма' },
  engSchemeWeights: { en: 'KPI weights add up to {sum}; they must add up to exactly 1', ru: 'веса KPI в сумме дают {sum}, а должны ровно 1' },
  engSchemeGateWithoutKpi: { en: 'a KPI gate needs kpi rules in the same scheme', ru: 'порогу KPI нужны правила kpi в той же схеме' },
  engSchemeNoName: { en: 'the rule has no scheme name', ru: 'у правила не указано имя схемы' },

  // Why a fact is missing
  engReasonNoMarginColumn: { en: 'Deals has no margin or cost column', ru: 'в листе сделок нет столбца маржи или себестоимости' },
  engReasonBlankMargin: { en: 'the margin of the deal in row {row} is blank', ru: 'у сделки в строке {row} не указана маржа' },
  engReasonNoPayments: { en: 'there is no Payments sheet and no paid column in Deals', ru: 'нет листа оплат и столбца оплат в сделках' },
  engReasonZeroAmount: { en: 'the deal in row {row} has a zero amount', ru: 'у сделки в строке {row} нулевая сумма' },
  engReasonNoClientColumn: { en: 'Deals has no client column', ru: 'в листе сделок нет столбца клиента' },
  engReasonNoStatusColumn: { en: 'Deals has no status column, so lost deals are unknown', ru: 'в листе сделок нет столбца статуса, проигранные сделки неизвестны' },
  engReasonNoDealsForConversion: { en: 'no won or lost deals in the period', ru: 'в периоде нет ни успешных, ни проигранных сделок' },
  engReasonNothingToCollect: { en: 'nothing was owed or booked in the period', ru: 'в периоде не было ни долга, ни новых продаж' },
  engReasonNoClientsInPeriod: { en: 'no clients in the period', ru: 'в периоде нет клиентов' },
  engReasonNoKpiSheet: { en: 'there is no KPI sheet to give "{metric}"', ru: 'нет листа показателей, откуда взять «{metric}»' },
  engReasonNoKpiRow: { en: 'no row in {sheet} for "{metric}" in {period}', ru: 'в листе {sheet} нет строки «{metric}» за {period}' },
  engReasonNoPartnerColumn: { en: 'Deals has no partner price column', ru: 'в листе сделок нет столбца партнёрской цены' },
  engReasonNoKpiTarget: { en: 'no target: neither a plan nor a threshold', ru: 'нет цели: ни плана, ни порога' },

  engDealsOne: { en: '{n} deal', ru: '{n} сделка' },
  engDealsFew: { en: '{n} deals', ru: '{n} сделки' },
  engDealsMany: { en: '{n} deals', ru: '{n} сделок' },

  // Line explanations
  engExplainMissing: { en: '{metric} unknown: {reason} → {amount}', ru: '{metric} неизвестна: {reason} → {amount}' },
  engExplainSalary: { en: 'Salary: {amount}', ru: 'Оклад: {amount}' },
  engExplainPercent: { en: '{rate} × {fact} = {amount}', ru: '{rate} × {fact} = {amount}' },
  engExplainCapped: { en: '; at most {cap} → {amount}', ru: '; не более {cap} → {amount}' },
  engExplainThresholdNotReached: {
    en: '{metric} plan {attainment} < threshold {threshold}: not paid → {amount}',
    ru: 'выполнение плана ({metric}) {attainment} < порога {threshold}: не начисляется → {amount}',
  },
  engExplainTiersWhole: { en: 'plan {attainment} → rate {rate}; {rate} × {fact} = {amount}', ru: 'выполнение {attainment} → ставка {rate}; {rate} × {fact} = {amount}' },
  engExplainTiersMarginal: { en: 'plan {attainment}, by slices: {slices} = {amount}', ru: 'выполнение {attainment}, ступенчато: {slices} = {amount}' },
  engExplainTiersBelow: { en: 'plan {attainment} is below the first tier ({first}) → {amount}', ru: 'выполнение {attainment} ниже первой ступени ({first}) → {amount}' },
  engIssueTiersNoPlan: {
    en: 'the tiers on {metric} are set against the plan, and Plans has no {metric} plan',
    ru: 'шкала по показателю «{metric}» считается от плана, а в планах нет плана по нему',
  },
  engIssueTiersPlanZero: {
    en: 'the tiers on {metric} are set against the plan, and the {metric} plan is 0',
    ru: 'шкала по показателю «{metric}» считается от плана, а план по нему равен 0',
  },
  engIssuePlanZero: { en: 'the {metric} plan is 0: the plan bonus is not paid', ru: 'план по показателю «{metric}» равен 0: бонус за план не начисляется' },
  engExplainPlanZero: { en: 'Plan bonus: the {metric} plan is 0 → {amount}', ru: 'Бонус за план: план ({metric}) равен 0 → {amount}' },
  engIssueNoPlan: { en: 'no {metric} plan: the plan bonus is not paid', ru: 'нет плана по показателю «{metric}»: бонус за план не начисляется' },
  engExplainNoPlan: { en: 'Plan bonus: no {metric} plan → {amount}', ru: 'Бонус за план: нет плана ({metric}) → {amount}' },
  engExplainPlanBonus: { en: 'Plan bonus: plan {attainment} ≥ {threshold} → {amount}', ru: 'Бонус за план: выполнение {attainment} ≥ {threshold} → {amount}' },
  engExplainPlanBonusNotReached: { en: 'Plan bonus: plan {attainment} < {threshold} → {amount}', ru: 'Бонус за план: выполнение {attainment} < {threshold} → {amount}' },
  engExplainPlanBonusTier: { en: 'Plan bonus: plan {attainment}, tier {threshold} reached → {amount}', ru: 'Бонус за план: выполнение {attainment}, ступень {threshold} → {amount}' },
  engExplainDealBonus: { en: '{per} × ({deals} − {threshold}) = {amount}', ru: '{per} × ({deals} − {threshold}) = {amount}' },
  engExplainDealBonusBelow: { en: 'Deal bonus: {deals}, paid above {threshold} → {amount}', ru: 'Бонус за сделки: {deals}, платится сверх {threshold} → {amount}' },
  engExplainDealBonusTier: { en: 'Deal bonus: {deals}, tier {threshold} reached → {amount}', ru: 'Бонус за сделки: {deals}, ступень {threshold} → {amount}' },
  engExplainNewClientBonus: { en: '{per} × {count|new client|new clients} = {amount}', ru: '{per} × {count} (новые клиенты) = {amount}' },
  engExplainTurnover: { en: 'Clients you own, {deals}: {terms} = {amount}', ru: 'Ваши клиенты, {deals}: {terms} = {amount}' },
  engExplainTurnoverNone: { en: 'No deals of clients you own in the period → {amount}', ru: 'В периоде нет сделок ваших клиентов → {amount}' },
  engExplainTurnoverWindow: { en: ' (within {months} months of the first deal)', ru: ' (в течение {months} мес. с первой сделки)' },
  engExplainPartner: {
    en: 'Partner price: {count} new clients ≥ {required}; Σ (amount − partner price) over {deals} = {amount}',
    ru: 'Партнёрская цена: новых клиентов {count} ≥ {required}; Σ (сумма − партнёрская цена) по {deals} = {amount}',
  },
  engExplainPartnerBelow: {
    en: '; sold below partner price (rows {rows}): those deals lower the line',
    ru: '; продажа ниже партнёрской цены (строки {rows}) уменьшает сумму',
  },
  engExplainPartnerNotQualified: {
    en: 'Partner price: {count} new clients < {required}: the {sum} difference is not paid → {amount}',
    ru: 'Партнёрская цена: новых клиентов {count} < {required}: разница {sum} не выплачивается → {amount}',
  },
  engIssuePartnerNoTarget: {
    en: 'partner price: no threshold in the scheme and no new clients plan, so it is not paid',
    ru: 'партнёрская цена: в схеме нет порога и нет плана по новым клиентам, поэтому не выплачивается',
  },
  engExplainGate: { en: 'KPI {k} < {threshold}: the variable part is not paid', ru: 'KPI {k} < {threshold}: переменная часть не выплачивается' },
  engExplainLimitRate: { en: 'Limit: at most {rate} × {metric} {fact} = {cap}', ru: 'Лимит: не более {rate} × {metric} {fact} = {cap}' },
  engExplainLimitAmount: { en: 'Limit: at most {cap}', ru: 'Лимит: не более {cap}' },
  engExplainLimitRemoved: { en: '; {removed} removed, variable part {amount}', ru: '; снято {removed}, переменная часть {amount}' },
  engNoteLimitNotApplied: { en: 'The limit on {metric} was not applied: {reason}', ru: 'Лимит по показателю «{metric}» не применён: {reason}' },
  engNoteMissing: { en: '{metric} unknown: {reason}; rules using it pay 0', ru: '{metric}: нет данных ({reason}); правила по нему дают 0' },

  // Manager-level issues
  engIssueMissing: { en: '{manager}, {period}: {metric} cannot be computed: {reason}', ru: '{manager}, {period}: показатель «{metric}» не посчитать: {reason}' },
  engIssueDuplicatePlan: {
    en: '{manager}, {period}: a second plan row; the one in row {row} is used',
    ru: '{manager}, {period}: вторая строка плана; используется строка {row}',
  },
  engIssueNoScheme: {
    en: '{manager}, {period}: no row in {sheet} says which scheme applies, and the Schemes sheet does not hold exactly one scheme (invalid ones count): no payout',
    ru: '{manager}, {period}: в листе {sheet} нет строки со схемой, а на листе схем не ровно одна схема (с ошибками тоже считаются): выплата не рассчитана',
  },
  engIssueBlankScheme: {
    en: '{manager}, {period}: the plan row names no scheme, and the Schemes sheet does not hold exactly one scheme (invalid ones count): no payout',
    ru: '{manager}, {period}: в строке плана не указана схема, а на листе схем не ровно одна схема (с ошибками тоже считаются): выплата не рассчитана',
  },
  engIssueInvalidScheme: {
    en: '{manager}, {period}: scheme "{scheme}" has errors (see the Schemes issues): no payout until they are fixed',
    ru: '{manager}, {period}: в схеме «{scheme}» ошибки (см. замечания по схемам): выплата не рассчитана, пока их не исправят',
  },
  engIssueUnknownScheme: {
    en: '{manager}, {period}: there is no scheme "{scheme}": no payout',
    ru: '{manager}, {period}: схемы «{scheme}» нет: выплата не рассчитана',
  },
  engNoPayout: { en: ': no payout', ru: ': выплата не рассчитана' },
} satisfies Record<string, MessageEntry>;

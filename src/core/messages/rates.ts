import type { MessageEntry } from './index';

/**
 * Values that read two ways (SPEC §10.2): rates and attainment thresholds written as bare numbers,
 * and scheme metrics the workbook does not have. Engine messages follow `engSchemeRowPrefix`;
 * function messages name the function, argument and cell as the other `fn…` messages do.
 */
export const ratesMessages = {
  rtAmbiguousRate: {
    en: 'rate "{value}" reads two ways ({percent} or {hundredfold}?): write {percent} or {fraction}',
    ru: 'ставка «{value}» читается двояко ({percent} или {hundredfold}?): напишите {percent} или {fraction}',
  },
  rtAmbiguousAttainment: {
    en: '{column} "{value}" reads two ways ({percent} or {hundredfold} of the plan?): write {percent} or {fraction}',
    ru: '{column} «{value}» читается двояко ({percent} или {hundredfold} плана?): напишите {percent} или {fraction}',
  },
  rtAmbiguousTiers: {
    en: 'tiers "{value}": "{number}" reads two ways ({percent} or {hundredfold}?): write {suggestion}',
    ru: 'шкала «{value}»: «{number}» читается двояко ({percent} или {hundredfold}?): напишите {suggestion}',
  },
  rtUnknownMetric: {
    en: 'metric "{value}" is nowhere in the workbook (not computed from deals, not a Plans column, not in the KPI sheet)',
    ru: 'показателя «{value}» нет в книге (он не считается по сделкам, его нет в столбцах Планов и на листе Показатели)',
  },
  rtUnknownMetricGuess: {
    en: 'metric "{value}" is nowhere in the workbook: did you mean "{guess}"?',
    ru: 'показателя «{value}» нет в книге: может быть, «{guess}»?',
  },
  rtHeaderTypo: {
    en: 'column "{value}" is not read: did you mean "{guess}"?',
    ru: 'столбец «{value}» не распознан: может быть, «{guess}»?',
  },
  rtMetricTypo: {
    en: 'metric "{value}" is used by no scheme: did you mean "{guess}"?',
    ru: 'показатель «{value}» не используется ни одной схемой: может быть, «{guess}»?',
  },
  rtNobodyCalled: {
    en: '"{value}" is in neither Plans nor Deals: this row counts for nobody',
    ru: '«{value}» нет ни в Планах, ни в Сделках: эта строка ни к кому не относится',
  },
  rtNobodyCalledGuess: {
    en: '"{value}" is in neither Plans nor Deals: did you mean "{guess}"?',
    ru: '«{value}» нет ни в Планах, ни в Сделках: может быть, «{guess}»?',
  },
  rtPlanNameTypo: {
    en: '"{value}" is planned for {period} but has no deals, and "{guess}" has deals but no plan: the same person?',
    ru: 'у «{value}» есть план на {period}, но нет сделок, а у «{guess}» есть сделки, но нет плана: это один человек?',
  },
  rtUnplannedLookalike: {
    en: '"{value}" is not in Plans for {period}: did you mean "{guess}"? (no payout for this name until it matches)',
    ru: '«{value}» нет в Планах за {period}: может быть, «{guess}»? (по этому имени выплаты нет, пока оно не совпадёт)',
  },
  fnAmbiguousRate: {
    en: '{fn}: {arg}{cell}: the rate {value} reads two ways ({percent} or {hundredfold}?): write {percent} or {fraction} (a rate above 100% as text: "150%")',
    ru: '{fn}: {arg}{cell}: ставка {value} читается двояко ({percent} или {hundredfold}?): напишите {percent} или {fraction} (ставку больше 100% — текстом: "150%")',
  },
  fnAmbiguousTiers: {
    en: '{fn}: {arg}{cell}: in the tiers, {number} reads two ways ({percent} or {hundredfold}?): write {suggestion}',
    ru: '{fn}: {arg}{cell}: в шкале {number} читается двояко ({percent} или {hundredfold}?): напишите {suggestion}',
  },
  fnImplausibleAmount: {
    en: '{fn}: {arg}{cell}: {value} is not a plausible amount (10^12 or more)',
    ru: '{fn}: {arg}{cell}: {value} — неправдоподобная сумма (10^12 и больше)',
  },
} satisfies Record<string, MessageEntry>;

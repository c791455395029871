import type { MessageEntry } from './index';

/**
 * Messages of the custom functions (SPEC §5). `{cell}` is '' for a single value, else
 * `, row 3` / `, column 2` / `, row 3, column 2` (relative to the range), as `cellLabel` makes it.
 */
export const functionMessages = {
  fnNotANumber: { en: '{fn}: {arg}{cell}: "{value}" is not a number', ru: '{fn}: {arg}{cell}: «{value}» — не число' },
  fnRowCell: { en: ', row {row}', ru: ', строка {row}' },
  fnColumnCell: { en: ', column {column}', ru: ', столбец {column}' },
  fnRowColumnCell: { en: ', row {row}, column {column}', ru: ', строка {row}, столбец {column}' },
  fnMissingArgument: { en: '{fn}: {arg} is required', ru: '{fn}: не задан аргумент {arg}' },
  fnShapeMismatch: {
    en: '{fn}: {arg} is {shape} but {other} is {otherShape}: ranges must have the same shape',
    ru: '{fn}: {arg} — диапазон {shape}, а {other} — {otherShape}: диапазоны должны быть одного размера',
  },
  fnTiersEmpty: { en: '{fn}: {arg}{cell}: the tier table is empty', ru: '{fn}: {arg}{cell}: шкала пуста' },
  fnTiersBadEntry: {
    en: '{fn}: {arg}{cell}: "{value}" is not a rate or tiers: cannot read "{entry}" (write threshold:rate; …, e.g. 0:3%; 100%:5%)',
    ru: '{fn}: {arg}{cell}: «{value}» — не ставка и не шкала: не удалось прочитать «{entry}» (пишите порог:ставка; …, например 0:3%; 100%:5%)',
  },
  fnTiersNotAscending: {
    en: '{fn}: {arg}{cell}: thresholds must ascend, "{entry}" does not',
    ru: '{fn}: {arg}{cell}: пороги должны возрастать, а «{entry}» — нет',
  },
  fnBadMode: {
    en: '{fn}: {arg}{cell}: "{value}" is not a mode (whole or marginal)',
    ru: '{fn}: {arg}{cell}: «{value}» — неизвестный режим (весь объём или ступенчато)',
  },
  fnPlanNotPositive: {
    en: '{fn}: {arg}{cell}: the plan must be above zero, got "{value}"',
    ru: '{fn}: {arg}{cell}: план должен быть больше нуля, а не «{value}»',
  },
  fnPriceZero: { en: '{fn}: {arg}{cell}: the price must not be zero', ru: '{fn}: {arg}{cell}: цена не может быть нулевой' },
  fnUnitLoses: {
    en: '{fn}{cell}: each unit earns {margin} (price − cost − price × variable_rate), so no quantity covers the fixed costs',
    ru: '{fn}{cell}: каждая единица приносит {margin} (цена − себестоимость − цена × переменная_ставка), столько единиц не окупит постоянные затраты',
  },
  fnCountMismatch: {
    en: '{fn}: {arg} has {count} cells but {other} has {otherCount}: give one per KPI',
    ru: '{fn}: в {arg} {count} ячеек, а в {other} — {otherCount}: нужно по одной на показатель',
  },
  fnWeightsSum: {
    en: '{fn}: weights add up to {sum}, they must add up to 1 (100%)',
    ru: '{fn}: сумма весов {sum}, а должна быть 1 (100 %)',
  },
  fnNoKpi: { en: '{fn}: no KPI rows (facts, targets and weights are all blank)', ru: '{fn}: нет ни одного показателя (факты, цели и веса пусты)' },
} satisfies Record<string, MessageEntry>;

import type { MessageEntry } from './index';

/** Messages of reading the workbook: sheets, headers, bad cells (owner: workbook reader). */
export const workbookMessages = {
  // Whole-run problems (KpiUserError).
  'workbook.noDeals': {
    en: 'No Deals sheet: name a sheet "Deals" or "Сделки", or pick one in the sidebar. Sheets found: {sheets}.',
    ru: 'Нет листа сделок: назовите лист «Сделки» или «Deals» либо выберите его в боковой панели. Найдены листы: {sheets}.',
  },
  'workbook.mappedSheetMissing': {
    en: 'The sheet "{sheet}" chosen for {role} does not exist. Sheets found: {sheets}.',
    ru: 'Лист «{sheet}», выбранный для роли «{role}», не найден. Найдены листы: {sheets}.',
  },
  'workbook.noColumn': {
    en: 'Sheet "{sheet}" has no "{column}" column. Headers found: {headers}. Rename a column or map it in the sidebar.',
    ru: 'На листе «{sheet}» нет столбца «{column}». Найдены заголовки: {headers}. Переименуйте столбец или укажите его в боковой панели.',
  },
  'workbook.noHeaders': {
    en: 'Sheet "{sheet}" has no header row in its first 5 rows.',
    ru: 'На листе «{sheet}» в первых 5 строках нет строки заголовков.',
  },
  'workbook.none': { en: '(none)', ru: '(нет)' },

  // Sheet-level issues of optional sheets.
  'workbook.issue.sheetNoColumn': {
    en: 'Sheet "{sheet}" has no "{column}" column, so it was not read. Headers found: {headers}.',
    ru: 'На листе «{sheet}» нет столбца «{column}», поэтому лист не прочитан. Найдены заголовки: {headers}.',
  },

  // Row issues: the row is left out of the figures.
  'workbook.issue.badNumber': {
    en: '"{value}" in column "{column}" is not a number; the row is left out.',
    ru: '«{value}» в столбце «{column}» — не число; строка не учтена.',
  },
  'workbook.issue.percentMoney': {
    en: '"{value}" in column "{column}" is a percentage, not an amount; the row is left out.',
    ru: '«{value}» в столбце «{column}» — процент, а не сумма; строка не учтена.',
  },
  // Optional cells (README decisions): the issue is raised, the cell reads as blank, the row stays.
  'workbook.issue.badNumberKept': {
    en: '"{value}" in column "{column}" is not a number; the cell is read as blank, the deal is kept.',
    ru: '«{value}» в столбце «{column}» — не число; ячейка считается пустой, сделка учтена.',
  },
  'workbook.issue.percentMoneyKept': {
    en: '"{value}" in column "{column}" is a percentage, not an amount; the cell is read as blank, the deal is kept.',
    ru: '«{value}» в столбце «{column}» — процент, а не сумма; ячейка считается пустой, сделка учтена.',
  },
  'workbook.issue.badDateKept': {
    en: '"{value}" in column "{column}" is not a date (use 22.11.2026 or 2026-11-22); the cell is read as blank, the deal is kept.',
    ru: '«{value}» в столбце «{column}» — не дата (пишите 22.11.2026 или 2026-11-22); ячейка считается пустой, сделка учтена.',
  },
  'workbook.issue.badTargetKept': {
    en: '"{value}" in column "{column}" is not a number; this plan target is left out, the rest of the row is kept.',
    ru: '«{value}» в столбце «{column}» — не число; этот план не учтён, остальная строка учтена.',
  },
  'workbook.issue.badDate': {
    en: '"{value}" in column "{column}" is not a date (use 22.11.2026 or 2026-11-22); the row is left out.',
    ru: '«{value}» в столбце «{column}» — не дата (пишите 22.11.2026 или 2026-11-22); строка не учтена.',
  },
  'workbook.issue.missingDate': {
    en: 'The date is blank in column "{column}"; the row is left out.',
    ru: 'Не указана дата в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingAmount': {
    en: 'The amount is blank in column "{column}"; the row is left out.',
    ru: 'Не указана сумма в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingManager': {
    en: 'The manager is blank in column "{column}"; the row is left out.',
    ru: 'Не указан менеджер в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.unknownStatus': {
    en: 'Unknown status "{value}" (use won, lost or cancelled); the row is left out.',
    ru: 'Неизвестный статус «{value}» (пишите «успешно», «проиграна» или «отменена»); строка не учтена.',
  },
  'workbook.issue.duplicateDealId': {
    en: 'Deal id "{value}" already appears in row {firstRow}; this row is left out.',
    ru: 'Номер сделки «{value}» уже есть в строке {firstRow}; эта строка не учтена.',
  },
  'workbook.issue.missingDealId': {
    en: 'The deal id is blank in column "{column}"; the payment is left out.',
    ru: 'Не указан номер сделки в столбце «{column}»; оплата не учтена.',
  },
  'workbook.issue.unknownDealId': {
    en: 'No deal with id "{value}" on sheet "{deals}"; the payment is left out.',
    ru: 'На листе «{deals}» нет сделки с номером «{value}»; оплата не учтена.',
  },
  'workbook.issue.badPeriod': {
    en: '"{value}" in column "{column}" is not a period (use 2026-11 or 2026-Q4); the row is left out.',
    ru: '«{value}» в столбце «{column}» — не период (пишите 2026-11 или 2026-Q4); строка не учтена.',
  },
  'workbook.issue.missingPeriod': {
    en: 'The period is blank in column "{column}"; the row is left out.',
    ru: 'Не указан период в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingScheme': {
    en: 'The scheme is blank in column "{column}"; the row is left out.',
    ru: 'Не указана схема в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingMetric': {
    en: 'The metric is blank in column "{column}"; the row is left out.',
    ru: 'Не указан показатель в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.badMetricValue': {
    en: '"{value}" in column "{column}" is not a number; the row is left out.',
    ru: '«{value}» в столбце «{column}» — не число; строка не учтена.',
  },
  'workbook.issue.missingValue': {
    en: 'The value is blank in column "{column}"; the row is left out.',
    ru: 'Не указано значение в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingRule': {
    en: 'The rule is blank in column "{column}"; the row is left out.',
    ru: 'Не указано правило в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.missingEmail': {
    en: 'The e-mail is blank in column "{column}"; the row is left out.',
    ru: 'Не указан e-mail в столбце «{column}»; строка не учтена.',
  },
  'workbook.issue.badEmail': {
    en: '"{value}" in column "{column}" is not an e-mail address; the row is left out.',
    ru: '«{value}» в столбце «{column}» — не адрес e-mail; строка не учтена.',
  },

  // Sheet roles and fields, as the sidebar's manual mapping shows them.
  'workbook.role.deals': { en: 'Deals', ru: 'Сделки' },
  'workbook.role.payments': { en: 'Payments', ru: 'Оплаты' },
  'workbook.role.plans': { en: 'Plans', ru: 'Планы' },
  'workbook.role.kpi': { en: 'KPI facts', ru: 'Показатели' },
  'workbook.role.schemes': { en: 'Schemes', ru: 'Схемы' },
  'workbook.role.managers': { en: 'Managers', ru: 'Менеджеры' },
  'workbook.field.date': { en: 'date', ru: 'дата' },
  'workbook.field.manager': { en: 'manager', ru: 'менеджер' },
  'workbook.field.client': { en: 'client', ru: 'клиент' },
  'workbook.field.amount': { en: 'amount', ru: 'сумма' },
  'workbook.field.cost': { en: 'cost', ru: 'себестоимость' },
  'workbook.field.margin': { en: 'margin', ru: 'маржа' },
  'workbook.field.status': { en: 'status', ru: 'статус' },
  'workbook.field.paid': { en: 'paid', ru: 'оплачено' },
  'workbook.field.paidDate': { en: 'paid date', ru: 'дата оплаты' },
  'workbook.field.dealId': { en: 'deal id', ru: 'номер сделки' },
  'workbook.field.partnerPrice': { en: 'partner price', ru: 'партнёрская цена' },
  'workbook.field.attractedBy': { en: 'attracted by', ru: 'привлёк' },
  'workbook.field.period': { en: 'period', ru: 'период' },
  'workbook.field.scheme': { en: 'scheme', ru: 'схема' },
  'workbook.field.email': { en: 'e-mail', ru: 'e-mail' },
  'workbook.field.metric': { en: 'metric', ru: 'показатель' },
  'workbook.field.value': { en: 'value', ru: 'значение' },
  'workbook.field.rule': { en: 'rule', ru: 'правило' },
  'workbook.field.rate': { en: 'rate', ru: 'ставка' },
  'workbook.field.threshold': { en: 'threshold', ru: 'порог' },
  'workbook.field.tiers': { en: 'tiers', ru: 'шкала' },
  'workbook.field.mode': { en: 'mode', ru: 'режим' },
  'workbook.field.cap': { en: 'cap', ru: 'потолок' },
  'workbook.field.months': { en: 'months', ru: 'месяцев' },
  'workbook.field.comment': { en: 'comment', ru: 'комментарий' },
} satisfies Record<string, MessageEntry>;

import type { MessageEntry } from './index';

/** Labels of generated tabs, JSON/CLI texts (owner: tabs + CLI). */
export const tabsMessages = {
  // Tab names
  'tabs.managerTabName': { en: '{manager} · {period}', ru: '{manager} · {period}' },
  'tabs.summaryTabName': { en: 'Payouts · {period}', ru: 'Выплаты · {period}' },

  // Manager tab: header block
  'tabs.manager.title': { en: 'Payout statement: {manager}, {period}', ru: 'Расчёт выплаты: {manager}, {period}' },
  'tabs.header.manager': { en: 'Manager', ru: 'Менеджер' },
  'tabs.header.period': { en: 'Period', ru: 'Период' },
  'tabs.header.scheme': { en: 'Scheme', ru: 'Схема' },
  'tabs.header.generatedAt': { en: 'Generated at', ru: 'Сформировано' },
  'tabs.header.attainment': { en: 'Plan attainment', ru: 'Выполнение плана' },

  // Manager tab: lines table
  'tabs.lines.rule': { en: 'Rule', ru: 'Правило' },
  'tabs.lines.metric': { en: 'Metric', ru: 'Показатель' },
  'tabs.lines.fact': { en: 'Fact', ru: 'Факт' },
  'tabs.lines.plan': { en: 'Plan', ru: 'План' },
  'tabs.lines.attainment': { en: 'Attainment', ru: 'Выполнение' },
  'tabs.lines.rate': { en: 'Rate / tier', ru: 'Ставка / ступень' },
  'tabs.lines.amount': { en: 'Amount', ru: 'Сумма' },
  'tabs.lines.explanation': { en: 'Explanation', ru: 'Пояснение' },
  'tabs.lines.numbered': { en: '{n}. {rule}', ru: '{n}. {rule}' },

  // Rules in plain words
  'tabs.rule.salary': { en: 'Salary', ru: 'Оклад' },
  'tabs.rule.percent': { en: 'Percent of {metric}', ru: 'Процент от показателя «{metric}»' },
  'tabs.rule.tiers': { en: 'Tiered commission on {metric}', ru: 'Шкала по показателю «{metric}»' },
  'tabs.rule.plan_bonus': { en: 'Bonus for the {metric} plan', ru: 'Бонус за план по показателю «{metric}»' },
  'tabs.rule.deal_bonus': { en: 'Bonus for deals', ru: 'Бонус за сделки' },
  'tabs.rule.new_client_bonus': { en: 'Bonus for new clients', ru: 'Бонус за новых клиентов' },
  'tabs.rule.client_turnover': { en: 'Percent of attracted clients’ {metric}', ru: 'Процент с оборота привлечённых клиентов ({metric})' },
  'tabs.rule.partner_price': { en: 'Partner price margin', ru: 'Разница с партнёрской ценой' },
  'tabs.rule.kpi': { en: 'KPI coefficient applied', ru: 'Применён коэффициент KPI' },
  'tabs.rule.kpi_gate': { en: 'KPI gate', ru: 'Порог KPI' },
  'tabs.rule.limit': { en: 'Limit on the variable part', ru: 'Лимит переменной части' },
  'tabs.rule.other': { en: '{rule}', ru: '{rule}' },

  // Manager tab: KPI table
  'tabs.kpi.title': { en: 'KPI coefficient', ru: 'Коэффициент KPI' },
  'tabs.kpi.metric': { en: 'KPI metric', ru: 'Показатель KPI' },
  'tabs.kpi.fact': { en: 'Fact', ru: 'Факт' },
  'tabs.kpi.target': { en: 'Target', ru: 'Цель' },
  'tabs.kpi.weight': { en: 'Weight', ru: 'Вес' },
  'tabs.kpi.cap': { en: 'Cap', ru: 'Потолок' },
  'tabs.kpi.contribution': { en: 'Contribution', ru: 'Вклад' },
  'tabs.kpi.k': { en: 'K (KPI coefficient)', ru: 'K (коэффициент KPI)' },

  // Manager tab: notes and totals
  'tabs.notes': { en: 'Notes', ru: 'Примечания' },
  'tabs.total.salary': { en: 'Salary', ru: 'Оклад' },
  'tabs.total.variable': { en: 'Variable part', ru: 'Переменная часть' },
  'tabs.total.total': { en: 'TOTAL TO PAY', ru: 'ИТОГО К ВЫПЛАТЕ' },

  // Manager tab: the deals behind it
  'tabs.deals.title': { en: 'The deals behind it', ru: 'Сделки, из которых сложился расчёт' },
  'tabs.deals.date': { en: 'Date', ru: 'Дата' },
  'tabs.deals.id': { en: 'Deal ID', ru: '№ сделки' },
  'tabs.deals.client': { en: 'Client', ru: 'Клиент' },
  'tabs.deals.amount': { en: 'Amount', ru: 'Сумма' },
  'tabs.deals.margin': { en: 'Margin', ru: 'Маржа' },
  'tabs.deals.status': { en: 'Status', ru: 'Статус' },
  'tabs.deals.paidInPeriod': { en: 'Paid in period', ru: 'Оплачено в периоде' },
  'tabs.deals.paidBefore': { en: 'Paid before', ru: 'Оплачено раньше' },
  'tabs.deals.row': { en: 'Row', ru: 'Строка' },
  'tabs.deals.none': { en: 'No deals in this period.', ru: 'Сделок за период нет.' },
  'tabs.deals.manager': { en: 'Closed by', ru: 'Кто закрыл' },
  'tabs.deals.rules': { en: 'Counts in lines', ru: 'Учтена в строках' },
  'tabs.deals.why.notWon': { en: '{status}: pays nothing', ru: '{status}: не оплачивается' },
  'tabs.deals.why.unpaid': { en: 'not paid in the period', ru: 'не оплачена в периоде' },
  'tabs.deals.why.noRule': { en: 'the scheme pays nothing for it', ru: 'схема не платит за эту сделку' },
  'tabs.status.won': { en: 'won', ru: 'успешно' },
  'tabs.status.lost': { en: 'lost', ru: 'проиграна' },
  'tabs.status.cancelled': { en: 'cancelled', ru: 'отменена' },

  // Summary tab
  'tabs.summary.title': { en: 'Payouts for {period}', ru: 'Выплаты за {period}' },
  'tabs.summary.rank': { en: 'Rank', ru: 'Место' },
  'tabs.summary.manager': { en: 'Manager', ru: 'Менеджер' },
  'tabs.summary.scheme': { en: 'Scheme', ru: 'Схема' },
  'tabs.summary.salary': { en: 'Salary', ru: 'Оклад' },
  'tabs.summary.variable': { en: 'Variable', ru: 'Переменная часть' },
  'tabs.summary.total': { en: 'Total', ru: 'Итого' },
  'tabs.summary.attainment': { en: 'Plan attainment', ru: 'Выполнение плана' },
  'tabs.summary.attainmentMetric': { en: 'Plan metric', ru: 'Метрика плана' },
  'tabs.summary.target': { en: 'Plan (100%)', ru: 'План (100 %)' },
  'tabs.summary.moneyAxis': { en: 'Payout, {currency}', ru: 'Выплата, {currency}' },
  'tabs.summary.attainmentAxis': { en: 'Plan attainment, %', ru: 'Выполнение плана, %' },
  'tabs.summary.payoutShare': { en: 'Payout, % of margin', ru: 'Выплата, % маржи' },
  'tabs.summary.margin': { en: 'Margin', ru: 'Маржа' },
  'tabs.summary.companyTotal': { en: 'Company total', ru: 'Итого по компании' },
  'tabs.summary.marginPartial': {
    en: 'Payout, % of margin, for the company counts only the {known} of {count} managers whose margin is known: {total} of pay against {margin} of margin.',
    ru: 'Выплата, % маржи, по компании считается только по {known} из {count} менеджеров с известной маржой: {total} выплат к {margin} маржи.',
  },
  'tabs.summary.noManagers': { en: 'Nobody is paid in this period: check Plans and Schemes.', ru: 'За этот период выплат нет: проверьте листы «Планы» и «Схемы».' },
  'tabs.summary.chartTitle': { en: 'Plan attainment and payout by manager', ru: 'Выполнение плана и выплата по менеджерам' },
  'tabs.summary.issuesTitle': { en: 'Data issues ({count})', ru: 'Замечания к данным ({count})' },
  'tabs.summary.noIssues': { en: 'No data issues.', ru: 'Замечаний к данным нет.' },
  'tabs.issue.sheet': { en: 'Sheet', ru: 'Лист' },
  'tabs.issue.row': { en: 'Row', ru: 'Строка' },
  'tabs.issue.column': { en: 'Column', ru: 'Столбец' },
  'tabs.issue.value': { en: 'Value', ru: 'Значение' },
  'tabs.issue.message': { en: 'Message', ru: 'Сообщение' },

  // Pipeline
  'tabs.badPeriod': { en: 'Period "{value}" is not a month (YYYY-MM) or a quarter (YYYY-Qn), e.g. 2026-11.', ru: 'Период «{value}» — не месяц (ГГГГ-ММ) и не квартал (ГГГГ-Qn), например 2026-11.' },

  // CLI
  'cli.usage': {
    en: 'Usage: kpi-payouts WORKBOOK.xlsx [--period 2026-11] [--out FILE.xlsx] [--statements DIR] [--json] [--today YYYY-MM-DD] [--tz Europe/Moscow] [--lang ru|en] [--currency RUB] [--deals "SHEET[,SHEET2]"]\n       kpi-payouts WORKBOOK.xlsx --simulate SCHEME[,SCHEME2] --from 2026-01 --to 2026-10 [--managers A,B] [--json] [--out FILE.xlsx]\n  --deals "A,B"   the sheet(s) holding the deals; several, with the same columns, are read as one table',
    ru: 'Запуск: kpi-payouts КНИГА.xlsx [--period 2026-11] [--out ФАЙЛ.xlsx] [--statements ПАПКА] [--json] [--today ГГГГ-ММ-ДД] [--tz Europe/Moscow] [--lang ru|en] [--currency RUB] [--deals "ЛИСТ[,ЛИСТ2]"]\n        kpi-payouts КНИГА.xlsx --simulate СХЕМА[,СХЕМА2] --from 2026-01 --to 2026-10 [--managers А,Б] [--json] [--out ФАЙЛ.xlsx]\n  --deals "А,Б"   лист(ы) со сделками; несколько листов с одинаковыми столбцами читаются как одна таблица',
  },
  'cli.noWorkbook': { en: 'Give the workbook to read: kpi-payouts WORKBOOK.xlsx', ru: 'Укажите книгу: kpi-payouts КНИГА.xlsx' },
  'cli.unknownOption': { en: 'Unknown option {option}. {usage}', ru: 'Неизвестный параметр {option}. {usage}' },
  'cli.optionNeedsValue': { en: 'Option {option} needs a value.', ru: 'Параметру {option} нужно значение.' },
  'cli.fileMissing': { en: 'File not found: {file}', ru: 'Файл не найден: {file}' },
  'cli.fileUnreadable': { en: 'Cannot read {file} as an .xlsx workbook: {reason}', ru: 'Не удалось прочитать {file} как книгу .xlsx: {reason}' },
  'cli.badToday': { en: '--today "{value}" is not a day (YYYY-MM-DD).', ru: '--today «{value}» — не дата (ГГГГ-ММ-ДД).' },
  'cli.badTimeZone': { en: '--tz "{value}" is not a time zone (e.g. Europe/Moscow).', ru: '--tz «{value}» — не часовой пояс (например, Europe/Moscow).' },
  'cli.cannotWrite': { en: 'Cannot write {file}: {reason}', ru: 'Не удалось записать {file}: {reason}' },
  'cli.computing': { en: 'Computing payouts for {period}…', ru: 'Считаю выплаты за {period}…' },
  'cli.written': { en: 'Written: {file} ({tabs} generated tabs)', ru: 'Записано: {file} (вкладок с расчётом: {tabs})' },
  'cli.summaryTitle': { en: 'Payouts for {period} ({currency})', ru: 'Выплаты за {period} ({currency})' },
  'cli.issueCount': { en: 'Data issues: {count}', ru: 'Замечаний к данным: {count}' },
  'cli.issuesHint': { en: 'See the issues list on the summary tab, or run with --json.', ru: 'Список замечаний — на сводной вкладке или в выводе --json.' },
  'cli.unexpected': { en: 'Unexpected error: {reason}', ru: 'Непредвиденная ошибка: {reason}' },
  'cli.chartSkipped': { en: 'Warning: the summary chart could not be added ({reason}); the data table is there.', ru: 'Предупреждение: не удалось добавить диаграмму ({reason}); таблица с данными на месте.' },
} satisfies Record<string, MessageEntry>;

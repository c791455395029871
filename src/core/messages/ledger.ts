import type { MessageEntry } from './index';

/** Closing periods, the ledger, true-ups, carry, manual adjustments, the floor, the register (owner: ledger, SPEC §10.2, §11). */
export const ledgerMessages = {
  'ledger.floorExplain': {
    en: 'The variable part for the period is {variable}; it is never paid below zero, so it is paid as 0 and the shortfall of {shortfall} is carried to the next period once this one is closed',
    ru: 'Переменная часть за период {variable}; ниже нуля она не выплачивается: выплачивается 0, недостача {shortfall} переносится на следующий период после закрытия этого',
  },
  'tabs.rule.floor': { en: 'Floor at zero (shortfall carried)', ru: 'Не ниже нуля (недостача переносится)' },
  'tabs.rule.adjustment': { en: 'True-up of a closed period', ru: 'Перерасчёт закрытого периода' },
  'tabs.rule.carry': { en: 'Shortfall carried forward', ru: 'Перенос недостачи' },
  'tabs.rule.manual': { en: 'Manual adjustment', ru: 'Корректировка' },
  // My earnings' short labels (looked up by core/earnings.ts ruleLabel on the server)
  'earnings.rule.floor': { en: 'Not below zero', ru: 'Не ниже нуля' },
  'earnings.rule.adjustment': { en: 'True-up', ru: 'Перерасчёт' },
  'earnings.rule.carry': { en: 'Carried shortfall', ru: 'Перенос' },
  'earnings.rule.manual': { en: 'Adjustment', ru: 'Корректировка' },

  // Sheets the ledger owns or reads
  'ledger.sheetName': { en: 'Ledger', ru: 'Начисления' },
  'ledger.adjustmentsSheetName': { en: 'Adjustments', ru: 'Корректировки' },
  'ledger.col.period': { en: 'Period', ru: 'Период' },
  'ledger.col.manager': { en: 'Manager', ru: 'Менеджер' },
  'ledger.col.scheme': { en: 'Scheme', ru: 'Схема' },
  'ledger.col.rule': { en: 'Rule', ru: 'Правило' },
  'ledger.col.metric': { en: 'Metric', ru: 'Показатель' },
  'ledger.col.fact': { en: 'Fact', ru: 'Факт' },
  'ledger.col.plan': { en: 'Plan', ru: 'План' },
  'ledger.col.rate': { en: 'Rate', ru: 'Ставка' },
  'ledger.col.amount': { en: 'Amount', ru: 'Сумма' },
  'ledger.col.explanation': { en: 'Explanation', ru: 'Пояснение' },
  'ledger.col.forPeriod': { en: 'For period', ru: 'За период' },
  'ledger.col.ruleVariable': { en: 'Variable before floor', ru: 'Переменная часть до нуля' },
  'ledger.col.shortfall': { en: 'Shortfall', ru: 'Недостача' },
  'ledger.col.deals': { en: 'Deals (fingerprints)', ru: 'Сделки (отпечатки)' },
  'ledger.col.closedAt': { en: 'Closed at', ru: 'Закрыто' },
  'ledger.col.closedBy': { en: 'Closed by', ru: 'Кем закрыто' },
  'ledger.col.checksum': { en: 'Checksum', ru: 'Контрольная сумма' },

  // True-up, carry, manual lines
  'ledger.trueUpExplain': { en: 'True-up for {period}: {amount} ({deals})', ru: 'Перерасчёт за {period}: {amount} ({deals})' },
  'ledger.carryExplain': { en: 'Shortfall carried from {period}: {amount}', ru: 'Перенос недостачи за {period}: {amount}' },
  'ledger.dealsChanged': { en: 'deals: {list}', ru: 'сделки: {list}' },
  'ledger.dealChanged': { en: '{deal} changed', ru: '{deal} — изменена' },
  'ledger.dealAdded': { en: '{deal} added', ru: '{deal} — добавлена' },
  'ledger.dealRemoved': { en: '{deal} removed', ru: '{deal} — убрана' },
  'ledger.moreDeals': { en: ' and {count} more', ru: ' и ещё {count}' },
  'ledger.noDealChanged': { en: 'no deal changed: plans, KPI facts or the scheme did', ru: 'сделки не менялись: изменились планы, показатели или схема' },
  'ledger.closedNote': { en: 'Period closed at {at} by {by}: this statement is read from the «{sheet}» sheet and never changes', ru: 'Период закрыт {at} ({by}): расчёт взят из листа «{sheet}» и больше не меняется' },
  'ledger.untrustedNote': { en: 'Rows {rows} of «{sheet}» were edited by hand: these figures are not trusted', ru: 'Строки {rows} листа «{sheet}» изменены вручную: этим цифрам нельзя доверять' },

  // Issues
  'ledger.edited': {
    en: 'Row {row} of «{sheet}» was edited by hand (or a row above it was removed): the closed pay of {manager} for {period} is not trusted. Put the row back as it was (from the closed period\'s tabs or the previous file)',
    ru: 'Строка {row} листа «{sheet}» изменена вручную (или удалена строка над ней): закрытым начислениям {manager} за {period} нельзя доверять. Верните строку как была (по вкладкам закрытого периода или из предыдущего файла)',
  },
  'ledger.unreadable': { en: 'Row {row} of «{sheet}»: the {field} cannot be read, the row is left out', ru: 'Строка {row} листа «{sheet}»: не читается поле «{field}», строка не учтена' },
  'ledger.untrustedWithheld': {
    en: '{manager}, {period}: no payout while the «{sheet}» rows for {closed} do not match their checksum (true-ups and carry cannot be worked out)',
    ru: '{manager}, {period}: выплата не рассчитана, пока строки листа «{sheet}» за {closed} не совпадают с контрольной суммой (перерасчёт и перенос не вычислить)',
  },
  'ledger.cannotRecompute': {
    en: '{manager}: the closed period {closed} cannot be recomputed from today\'s data (see its issues), so {period} has no true-up for it',
    ru: '{manager}: закрытый период {closed} по сегодняшним данным не пересчитывается (см. проблемы за него), перерасчёта за него в {period} нет',
  },
  'ledger.linesWithheld': {
    en: '{manager}, {period}: the payout is withheld (see the issues), and with it the true-ups, carry and manual adjustments of the period',
    ru: '{manager}, {period}: выплата удержана (см. проблемы), а с ней перерасчёт, перенос и корректировки периода',
  },
  'ledger.withheld': { en: '{manager}, {period}: no payout (withheld, see the issues)', ru: '{manager}, {period}: выплаты нет (удержана, см. проблемы)' },
  'ledger.wouldDiffer': {
    en: '{manager}, {period} is closed: today\'s data give a variable part of {today} instead of {closed} ({deals}); the difference is a true-up in the next open period',
    ru: '{manager}, {period} закрыт: по сегодняшним данным переменная часть {today} вместо {closed} ({deals}); разница войдёт перерасчётом в следующий открытый период',
  },
  'ledger.alreadyClosed': { en: 'Period {period} was closed at {at}: its statements come from the «{sheet}» sheet.', ru: 'Период {period} уже закрыт {at}: его расчёт берётся из листа «{sheet}».' },
  'ledger.laterClosed': { en: 'Period {period} cannot be closed: the later period {later} is closed already.', ru: 'Период {period} нельзя закрыть: уже закрыт более поздний период {later}.' },
  'ledger.blocked': {
    en: 'Period {period} is not closed: {count} issue(s) withhold a payout. Fix them, or confirm closing without those payouts ({how}).',
    ru: 'Период {period} не закрыт: {count} проблем(ы) удерживают выплату. Исправьте их или подтвердите закрытие без этих выплат ({how}).',
  },
  'ledger.adj.badPeriod': { en: 'Period «{value}» cannot be read (write 2026-10 or 2026-Q4): the adjustment is left out', ru: 'Период «{value}» не читается (пишите 2026-10 или 2026-Q4): корректировка не учтена' },
  'ledger.adj.badAmount': { en: 'Amount «{value}» is not a number: the adjustment is left out', ru: 'Сумма «{value}» — не число: корректировка не учтена' },
  'ledger.adj.noManager': { en: 'No manager: the adjustment is left out', ru: 'Не указан менеджер: корректировка не учтена' },
  'ledger.adj.noReason': { en: 'No reason: an adjustment is paid only with its reason; it is left out', ru: 'Не указана причина: корректировка выплачивается только с причиной; не учтена' },
  'ledger.adj.noColumn': { en: 'The «{sheet}» sheet has no {column} column: adjustments are not read', ru: 'На листе «{sheet}» нет столбца «{column}»: корректировки не прочитаны' },

  'ledger.summaryClosed': { en: 'Period closed at {at} by {by}: figures from the ledger, they never change', ru: 'Период закрыт {at} ({by}): суммы из листа начислений, они больше не меняются' },
  'ledger.summaryShortfall': { en: '{manager}: variable part paid as 0, shortfall {shortfall} carried forward', ru: '{manager}: переменная часть выплачена как 0, недостача {shortfall} переносится' },

  // Register
  'ledger.registerTabName': { en: 'Register · {period}', ru: 'Реестр · {period}' },
  'ledger.registerTitle': { en: 'Payroll register, {period}', ru: 'Реестр начислений за {period}' },
  'ledger.reg.period': { en: 'Period', ru: 'Период' },
  'ledger.reg.manager': { en: 'Manager', ru: 'Менеджер' },
  'ledger.reg.employeeId': { en: 'Employee id', ru: 'Табельный номер' },
  'ledger.reg.salary': { en: 'Salary', ru: 'Оклад' },
  'ledger.reg.variable': { en: 'Variable', ru: 'Переменная часть' },
  'ledger.reg.total': { en: 'Total', ru: 'Итого' },
  'ledger.reg.companyTotal': { en: 'Total', ru: 'Итого по компании' },

  // Close period: menu, dialog, CLI
  'menuClosePeriod': { en: 'Close period…', ru: 'Закрыть период…' },
  'ledger.ui.title': { en: 'Close period', ru: 'Закрытие периода' },
  'ledger.ui.prompt': {
    en: 'Period to close (YYYY-MM or YYYY-Qn; blank = {period}). Its statements are written to the «{sheet}» sheet and never change after that.',
    ru: 'Какой период закрыть (ГГГГ-ММ или ГГГГ-Qn; пусто — {period})? Его расчёт запишется на лист «{sheet}» и больше не изменится.',
  },
  'ledger.ui.confirmBlocking': {
    en: '{count} issue(s) withhold a payout in {period}:\n{list}\n\nClose the period without those payouts?',
    ru: 'В {period} {count} проблем(ы) удерживают выплату:\n{list}\n\nЗакрыть период без этих выплат?',
  },
  'ledger.ui.confirm': {
    en: 'Close {period}: {managers} statement(s), {total} in all. Closed statements never change; later corrections come as true-ups. Close?',
    ru: 'Закрыть {period}: расчётов {managers}, всего {total}. Закрытый расчёт больше не меняется; исправления придут перерасчётом. Закрыть?',
  },
  'ledger.ui.done': { en: '{period} is closed: {rows} row(s) added to «{sheet}», the register is on the «{register}» tab.', ru: '{period} закрыт: на лист «{sheet}» добавлено строк: {rows}; реестр — на вкладке «{register}».' },
  'ledger.ui.confirmHow': { en: 'confirm in the dialog', ru: 'подтвердите в диалоге' },
  'ledger.cli.confirmHow': { en: 'add --confirm', ru: 'добавьте --confirm' },
  'ledger.cli.closed': { en: '{period} closed: {rows} row(s) appended to «{sheet}» in {file}; use {file} as the next input.', ru: '{period} закрыт: на лист «{sheet}» в {file} добавлено строк: {rows}; дальше работайте с {file}.' },
  'ledger.cli.closeNeedsOut': { en: '--close needs --out FILE.xlsx (a new file: the input is never overwritten).', ru: 'Для --close нужен --out ФАЙЛ.xlsx (новый файл: исходный не перезаписывается).' },
  'ledger.cli.outIsInput': { en: '--out names the input workbook {file}: write a new file and use it as the next input.', ru: '--out указывает на исходную книгу {file}: запишите новый файл и работайте дальше с ним.' },
  'ledger.cli.registerWritten': { en: 'Register written to {file} ({rows} row(s)).', ru: 'Реестр записан в {file} (строк: {rows}).' },
  'ledger.cli.notWorksheet': { en: '«{sheet}» is a chart sheet, not a sheet of cells: the ledger rows cannot be appended to it. Rename it and close the period again.', ru: '«{sheet}» — лист диаграммы, а не лист с ячейками: строки начислений на него не добавить. Переименуйте его и закройте период снова.' },
  'ledger.cli.blockingList': { en: 'Withholding issues:', ru: 'Удерживающие выплату проблемы:' },
} satisfies Record<string, MessageEntry>;

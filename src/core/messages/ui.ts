import type { MessageEntry } from './index';

/** Menu items, dialogs, toasts of the Apps Script adapter (owner: sheets adapter). */
export const uiMessages = {
  // Add-on menu (foundation, src/sheets/menu.ts).
  menuGenerate: { en: 'Generate payouts…', ru: 'Рассчитать выплаты…' },
  menuMyEarnings: { en: 'My earnings', ru: 'Мой заработок' },
  menuSchemes: { en: 'Schemes…', ru: 'Схемы мотивации…' },
  menuSimulate: { en: 'Simulate scheme…', ru: 'Проверить схему на истории…' },
  menuCheckData: { en: 'Check data', ru: 'Проверить данные' },
  menuHelp: { en: 'Help', ru: 'Справка' },

  // Server functions, toasts and dialogs (sheets adapter: server.ts, dialogs.ts).
  'ui.title': { en: 'KPI Payouts', ru: 'KPI Payouts' },
  'ui.busy': {
    en: 'Payouts are being generated in this spreadsheet right now. Try again in a minute.',
    ru: 'В этой таблице уже идёт расчёт выплат. Попробуйте через минуту.',
  },
  'ui.internalError': {
    en: 'Something went wrong in KPI Payouts: {message}',
    ru: 'Ошибка в KPI Payouts: {message}',
  },
  'ui.toast.reading': { en: 'Reading the sheets…', ru: 'Читаю листы…' },
  'ui.toast.computing': { en: 'Computing payouts for {period}…', ru: 'Считаю выплаты за {period}…' },
  'ui.toast.writing': { en: 'Writing tab {n} of {total}: {name}', ru: 'Записываю лист {n} из {total}: {name}' },
  'ui.toast.done': { en: 'Done: {tabs} tabs for {period}.', ru: 'Готово: листов — {tabs}, период {period}.' },
  'ui.generate.title': { en: 'Generate payouts', ru: 'Расчёт выплат' },
  'ui.generate.prompt': {
    en: 'Period: a month (YYYY-MM) or a quarter (YYYY-Qn). Leave blank for {period}.',
    ru: 'Период: месяц (ГГГГ-ММ) или квартал (ГГГГ-Qn). Пусто — {period}.',
  },
  'ui.generate.summary': {
    en: 'Payouts for {period}: {managers|manager|managers}, {total} in total. Issues in the data: {issues}.',
    ru: 'Выплаты за {period}: {managers|менеджер|менеджера|менеджеров}, всего {total}. Замечаний к данным: {issues}.',
  },
  'ui.generate.seeSummary': {
    en: 'The statements and the summary are on the tabs at the end of the spreadsheet.',
    ru: 'Расчётные листы и сводка — на листах в конце таблицы.',
  },
  'ui.check.none': {
    en: 'No issues in the data for {period}: everything can be used.',
    ru: 'Замечаний к данным за {period} нет: всё можно использовать.',
  },
  'ui.check.title': { en: 'Data issues — {period}', ru: 'Замечания к данным — {period}' },
  'ui.check.intro': {
    en: '{count|issue|issues}. These rows are left out of the figures until they are fixed. Nothing was written to the spreadsheet.',
    ru: 'Замечаний: {count}. Эти строки не входят в расчёт, пока их не исправят. В таблицу ничего не записано.',
  },
  'ui.check.sheet': { en: 'Sheet', ru: 'Лист' },
  'ui.check.row': { en: 'Row', ru: 'Строка' },
  'ui.check.column': { en: 'Column', ru: 'Столбец' },
  'ui.check.value': { en: 'Value', ru: 'Значение' },
  'ui.check.message': { en: 'Problem', ru: 'Проблема' },
  'ui.help.title': { en: 'KPI Payouts — help', ru: 'KPI Payouts — справка' },
  'ui.help.intro': {
    en: 'KPI Payouts turns your Deals sheet into a payout statement per manager and a summary, by the motivation schemes you define.',
    ru: 'KPI Payouts превращает лист «Сделки» в расчётный лист по каждому менеджеру и сводку — по схемам мотивации, которые вы задали.',
  },
  'ui.help.sheets': {
    en: 'Sheets it reads: Deals (date, manager, client, amount…), Plans (period, manager, scheme, one column per planned metric), Schemes (one row per rule), and optionally Payments and KPI. Columns are found by their headers, in Russian or English.',
    ru: 'Какие листы читаются: «Сделки» (дата, менеджер, клиент, сумма…), «Планы» (период, менеджер, схема, по столбцу на каждый плановый показатель), «Схемы» (по строке на правило), а также «Оплаты» и «Показатели», если они есть. Столбцы находятся по заголовкам на русском или английском.',
  },
  'ui.help.generate': {
    en: 'Generate payouts… asks for a period (blank = the last complete month) and writes one tab per manager and a summary tab. Running it again replaces only the tabs it made; your own sheets are never changed.',
    ru: '«Рассчитать выплаты…» спрашивает период (пусто — последний полный месяц) и создаёт по листу на менеджера и сводный лист. Повторный запуск заменяет только созданные им листы; ваши листы не меняются никогда.',
  },
  'ui.help.check': {
    en: 'Check data lists every row that cannot be used (a bad number or date, an unknown status, a missing manager…) with its sheet, row and column, and writes nothing.',
    ru: '«Проверить данные» показывает каждую строку, которую нельзя использовать (неверное число или дата, неизвестный статус, нет менеджера…), с листом, строкой и столбцом, и ничего не записывает.',
  },
  'ui.help.formulas': {
    en: 'In cells: =KPI_COMMISSION(base, rate_or_tiers, [plan], [mode]), =KPI_TIER, =KPI_NEXT_TIER, =KPI_INDEX, =UNIT_MARGIN, =UNIT_MARGIN_PCT, =UNIT_BREAKEVEN.',
    ru: 'В ячейках: =KPI_COMMISSION(база; ставка_или_шкала; [план]; [режим]), =KPI_TIER, =KPI_NEXT_TIER, =KPI_INDEX, =UNIT_MARGIN, =UNIT_MARGIN_PCT, =UNIT_BREAKEVEN.',
  },
  'ui.help.close': { en: 'Close', ru: 'Закрыть' },
} satisfies Record<string, MessageEntry>;

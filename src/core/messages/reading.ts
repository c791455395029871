import type { MessageEntry } from './index';

/**
 * Messages of reading real workbooks (SPEC §10, §10.1, §10.2 names, §12 Managers sheet) and of
 * the files the CLI is given (owner: the `read` area).
 */
export const readingMessages = {
  // Whole-run problems (KpiUserError).
  'reading.severalDealsSheets': {
    en: 'Several sheets could hold the deals: {sheets}, and none is named exactly "Deals". Tick the one to use — or several with the same columns, read as one table — in the sidebar (Schemes… → Sheets and columns → Deals), rename it "Deals", or in the CLI: --deals "{example}".',
    ru: 'Сделки могут быть на нескольких листах: {sheets}, и ни один не называется ровно «Сделки». Отметьте нужный лист — или несколько с одинаковыми столбцами, они читаются как одна таблица — в боковой панели («Схемы мотивации…» → «Листы и столбцы» → «Сделки»), переименуйте его в «Сделки» или в CLI: --deals "{example}".',
  },
  'reading.dealsSheetsDiffer': {
    en: 'The deals sheets "{first}" and "{sheet}" do not have the same columns ({firstHeaders} and {headers}): they can be read as one table only with the same columns.',
    ru: 'У листов сделок «{first}» и «{sheet}» разные столбцы ({firstHeaders} и {headers}): как одну таблицу можно читать только листы с одинаковыми столбцами.',
  },
  'reading.noHeaderRow': {
    en: 'Sheet "{sheet}": no header row (Date, Manager, Amount…) in its first {rows} rows. They held: {held}.',
    ru: 'Лист «{sheet}»: в первых {rows} строках нет строки заголовков (Дата, Менеджер, Сумма…). В них: {held}.',
  },
  'reading.rowHeld': { en: 'row {row}: {cells}', ru: 'строка {row}: {cells}' },
  'reading.emptyPeriod': {
    en: 'Nothing to compute for {period}: no Plans rows and no deals in it. Periods with data: {periods}.',
    ru: 'За {period} нечего считать: нет ни строк в Планах, ни сделок. Периоды с данными: {periods}.',
  },
  'reading.quarterOfMonthlyPlans': {
    en: 'Plans ("{sheet}") has no row for {period}: its rows are monthly ({months}). Run each month, or add rows for {period}.',
    ru: 'В Планах («{sheet}») нет строк за {period}: планы помесячные ({months}). Посчитайте каждый месяц или добавьте строки за {period}.',
  },

  // Row issues.
  'reading.issue.formulaNoValue': {
    en: 'Column "{column}" holds a formula with no computed value — open and save the file in Excel/Sheets; the row is left out.',
    ru: 'В столбце «{column}» формула без вычисленного значения — откройте и сохраните файл в Excel/Таблицах; строка не учтена.',
  },
  'reading.issue.implausibleAmount': {
    en: '"{value}" in column "{column}" is not a plausible amount (10¹² or more); the row is left out.',
    ru: '«{value}» в столбце «{column}» — неправдоподобная сумма (10¹² или больше); строка не учтена.',
  },
  'reading.issue.implausibleDate': {
    en: '"{value}" in column "{column}" is not a plausible date (before 2000 or after {latest}); the row is left out.',
    ru: '«{value}» в столбце «{column}» — неправдоподобная дата (раньше 2000 года или позже {latest}); строка не учтена.',
  },

  // Managers sheet (SPEC §12).
  'reading.issue.duplicateManager': {
    en: '"{value}" is listed again (first in row {firstRow}); this row is left out.',
    ru: '«{value}» указан повторно (впервые в строке {firstRow}); эта строка не учтена.',
  },
  'reading.issue.duplicateEmail': {
    en: 'The e-mail "{value}" is also in row {firstRow}: whose it is is not known, so neither row keeps it.',
    ru: 'E-mail «{value}» есть и в строке {firstRow}: чей он — неизвестно, поэтому он не учтён ни в одной строке.',
  },
  'reading.issue.ambiguousAlias': {
    en: '"{value}" in column "{column}" of {manager} already names {other}: one name cannot be two people, so this alias is not used.',
    ru: '«{value}» в столбце «{column}» у {manager} уже обозначает {other}: одно имя не может означать двух людей, поэтому этот псевдоним не учтён.',
  },
  'reading.issue.unknownHead': {
    en: 'The head "{value}" in column "{column}" is not a manager of this sheet; ignored.',
    ru: 'Руководитель «{value}» в столбце «{column}» не указан на этом листе как сотрудник; не учтён.',
  },

  // Names (SPEC §10.2), engine issues.
  'reading.issue.notInPlans': {
    en: '"{manager}" is not in Plans for {period}; no payout.',
    ru: '«{manager}» — нет в Планах за {period}; выплата не рассчитана.',
  },
  'reading.issue.notInPlansLike': {
    en: '"{manager}" is not in Plans for {period}; looks like "{like}". No payout until Plans or the Managers sheet (also known as) says who it is.',
    ru: '«{manager}» — нет в Планах за {period}; похоже на «{like}». Выплата не рассчитана, пока Планы или лист «Сотрудники» (также известен как) не скажут, кто это.',
  },
  'reading.issue.lookAlike': {
    en: '"{manager}" and "{other}" look like one person: both are withheld for {period} until the Managers sheet\'s "also known as" says who is who.',
    ru: '«{manager}» и «{other}» похожи на одного человека: выплата обоим за {period} не рассчитана, пока на листе «Сотрудники» в столбце «также известен как» не указано, кто есть кто.',
  },

  // Managers sheet fields (the sidebar's mapping labels them).
  'workbook.field.aliases': { en: 'also known as', ru: 'также известен как' },
  'workbook.field.employeeId': { en: 'employee id', ru: 'табельный номер' },
  'workbook.field.head': { en: 'head', ru: 'руководитель' },
  'workbook.field.hired': { en: 'hired', ru: 'дата приёма' },

  // The column report (SPEC §10.1).
  'reading.columnsTitle': { en: 'Columns read', ru: 'Прочитанные столбцы' },
  'reading.columnsIgnored': { en: 'ignored', ru: 'не используются' },

  // Files the CLI is given (SPEC §10.1 "Other file types").
  'reading.file.directory': {
    en: '"{file}" is a folder, not a workbook: give the path of an .xlsx file.',
    ru: '«{file}» — папка, а не книга: укажите путь к файлу .xlsx.',
  },
  'reading.file.empty': {
    en: '"{file}" is empty (0 bytes): expected an .xlsx workbook. Download the sheet again (File → Download → Microsoft Excel (.xlsx)).',
    ru: '«{file}» пуст (0 байт): ожидалась книга .xlsx. Скачайте таблицу заново (Файл → Скачать → Microsoft Excel (.xlsx)).',
  },
  'reading.file.xls': {
    en: '"{file}" is an old Excel 97–2003 (.xls) or password-protected file: expected .xlsx. Open it in Excel or LibreOffice and save as .xlsx (or: soffice --headless --convert-to xlsx "{file}"); remove the password first.',
    ru: '«{file}» — файл старого формата Excel 97–2003 (.xls) или защищённый паролем: ожидался .xlsx. Откройте его в Excel или LibreOffice и сохраните как .xlsx (или: soffice --headless --convert-to xlsx "{file}"); пароль сначала снимите.',
  },
  'reading.file.ods': {
    en: '"{file}" is an OpenDocument (.ods) spreadsheet: expected .xlsx. Save it as .xlsx in LibreOffice (or: soffice --headless --convert-to xlsx "{file}").',
    ru: '«{file}» — таблица OpenDocument (.ods): ожидался .xlsx. Сохраните её как .xlsx в LibreOffice (или: soffice --headless --convert-to xlsx "{file}").',
  },
  'reading.file.csv': {
    en: '"{file}" is a text (CSV) file: expected .xlsx. Open it in Excel, Google Sheets or LibreOffice and save as .xlsx, with the sheet named "Deals".',
    ru: '«{file}» — текстовый файл (CSV): ожидался .xlsx. Откройте его в Excel, Google Таблицах или LibreOffice и сохраните как .xlsx, назвав лист «Сделки».',
  },
  'reading.file.zipNotWorkbook': {
    en: '"{file}" is a zip archive but not an Excel workbook: expected .xlsx. Unpack it, or save the spreadsheet itself as .xlsx.',
    ru: '«{file}» — zip-архив, но не книга Excel: ожидался .xlsx. Распакуйте его или сохраните саму таблицу как .xlsx.',
  },
  'reading.file.notWorkbook': {
    en: '"{file}" is not an Excel workbook: expected .xlsx. Save the spreadsheet as .xlsx (File → Download → Microsoft Excel (.xlsx) in Google Sheets, File → Save as in Excel).',
    ru: '«{file}» — не книга Excel: ожидался .xlsx. Сохраните таблицу как .xlsx (в Google Таблицах: Файл → Скачать → Microsoft Excel (.xlsx); в Excel: Файл → Сохранить как).',
  },
  'reading.file.damaged': {
    en: '"{file}" looks like an .xlsx but cannot be read (damaged or incomplete). Open it in Excel or Google Sheets and save it again as .xlsx.',
    ru: '«{file}» похож на .xlsx, но не читается (повреждён или скачан не полностью). Откройте его в Excel или Google Таблицах и сохраните заново как .xlsx.',
  },
} satisfies Record<string, MessageEntry>;

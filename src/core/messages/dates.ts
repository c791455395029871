import type { MessageEntry } from './index';

/** Messages of text dates read by the spreadsheet's locale (SPEC §10.2, §10.3; owner: the `locale` area). */
export const datesMessages = {
  'cli.opt.dateOrder': {
    en: 'how text dates with slashes read: dmy (03/04/2026 = 3 April) or mdy (= March 4); default: day first for a Russian workbook, else a date that reads two ways is an issue',
    ru: 'как читать текстовые даты с косой чертой: dmy (03/04/2026 = 3 апреля) или mdy (= 4 марта); по умолчанию в русской книге сначала день, иначе дата, читаемая двумя способами, — замечание',
  },
  'cli.val.dateOrder': { en: 'dmy|mdy', ru: 'dmy|mdy' },
  'cli.badDateOrder': {
    en: '--date-order "{value}" is not a date order: write dmy (day first) or mdy (month first).',
    ru: '--date-order «{value}» — не порядок даты: укажите dmy (сначала день) или mdy (сначала месяц).',
  },
  'dates.order.dmy': { en: 'day first', ru: 'сначала день' },
  'dates.order.mdy': { en: 'month first', ru: 'сначала месяц' },
  'dates.issue.twoWays': {
    en: '"{value}" reads two ways: {dayFirst} (day first) or {monthFirst} (month first), and which one this workbook means is not known. {consequence} Write the date as {dayFirst} or {monthFirst}, or say the order: the spreadsheet\'s locale (File → Settings) or, in the CLI, --date-order dmy|mdy.',
    ru: '«{value}» читается двумя способами: {dayFirst} (сначала день) или {monthFirst} (сначала месяц), и какой из них имеется в виду, неизвестно. {consequence} Запишите дату как {dayFirst} или {monthFirst} либо укажите порядок: языковой стандарт таблицы (Файл → Настройки) или в командной строке --date-order dmy|mdy.',
  },
  'dates.issue.orderConflict': {
    en: '"{value}" reads two ways: {dayFirst} (day first) or {monthFirst} (month first). The spreadsheet\'s locale ({locale}) reads {order}, but this sheet also holds "{example}", which reads only the other way: its dates come from a source that writes them otherwise. {consequence} Write the date as {dayFirst} or {monthFirst}.',
    ru: '«{value}» читается двумя способами: {dayFirst} (сначала день) или {monthFirst} (сначала месяц). Языковой стандарт таблицы ({locale}) читает даты так: {order}, но на этом листе есть и «{example}», которая читается только наоборот: даты листа пришли из источника, где их пишут иначе. {consequence} Запишите дату как {dayFirst} или {monthFirst}.',
  },
  'dates.consequence.leftOut': {
    en: 'The row is left out and the payouts it affects are withheld.',
    ru: 'Строка не учтена, выплаты, на которые она влияет, задержаны.',
  },
  'dates.consequence.hiredKept': {
    en: 'The manager\'s row is kept without a hired date; while it is not known, their payout is withheld in the months where a guarantee depends on it.',
    ru: 'Строка сотрудника учтена без даты приёма; пока дата неизвестна, его выплата задержана в тех месяцах, где от неё зависит гарантия.',
  },
  'dates.withheldHired': {
    en: '{manager}: no payout for {period} while the hired date "{value}" ("{sheet}", row {row}) reads two ways ({dayFirst} or {monthFirst}): the guarantee of scheme "{scheme}" depends on it.',
    ru: '«{manager}»: выплата за {period} задержана, пока дата приёма «{value}» (лист «{sheet}», строка {row}) читается двумя способами ({dayFirst} или {monthFirst}): от неё зависит гарантия схемы «{scheme}».',
  },
  'dates.withheld': {
    en: '{manager}: no payout for {period} while the date "{value}" ("{sheet}", row {row}) reads two ways ({dayFirst} or {monthFirst}).',
    ru: '«{manager}»: выплата за {period} задержана, пока дата «{value}» (лист «{sheet}», строка {row}) читается двумя способами ({dayFirst} или {monthFirst}).',
  },
} satisfies Record<string, MessageEntry>;

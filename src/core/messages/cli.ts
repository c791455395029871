import type { MessageEntry } from './index';

/**
 * `kpi-payouts --help`: one entry per option (`cli.opt.<name>` the help line, `cli.val.<name>` the
 * value's placeholder), the exit codes, and the refusals of bad options and values.
 */
export const cliMessages = {
  'cli.help.usage': {
    en: 'Usage: kpi-payouts WORKBOOK.xlsx [options]\n       kpi-payouts WORKBOOK.xlsx --simulate SCHEME[,SCHEME2] --from YYYY-MM --to YYYY-MM [options]',
    ru: 'Запуск: kpi-payouts КНИГА.xlsx [параметры]\n        kpi-payouts КНИГА.xlsx --simulate СХЕМА[,СХЕМА2] --from ГГГГ-ММ --to ГГГГ-ММ [параметры]',
  },
  'cli.help.about': {
    en: 'Computes the payouts of a period from the workbook (Deals, Plans, Schemes…) and writes them to a new .xlsx; the workbook itself is never changed.',
    ru: 'Считает выплаты за период по книге (Сделки, Планы, Схемы…) и записывает их в новый файл .xlsx; сама книга не меняется.',
  },
  'cli.help.options': { en: 'Options:', ru: 'Параметры:' },
  'cli.help.exitCodes': {
    en: 'Exit codes:\n  0  done (data issues are listed in the output, they are not failures)\n  1  an unexpected error (please report it)\n  2  something to fix first: an unknown, repeated or bad option, a missing or unreadable file, no Deals sheet, a bad period',
    ru: 'Коды завершения:\n  0  готово (замечания к данным перечислены в выводе, это не ошибка)\n  1  непредвиденная ошибка (сообщите о ней)\n  2  нужно что-то исправить: неизвестный, повторённый или неверный параметр, нет файла или он не читается, нет листа Сделки, неверный период',
  },
  'cli.opt.deals': { en: 'the sheet(s) holding the deals; several, with the same columns, are read as one table', ru: 'лист(ы) со сделками; несколько листов с одинаковыми столбцами читаются как одна таблица' },
  'cli.val.deals': { en: '"SHEET[,SHEET2]"', ru: '"ЛИСТ[,ЛИСТ2]"' },
  'cli.opt.statements': { en: 'also write one .xlsx per paid manager holding only their statement (and a PDF beside each when LibreOffice is installed)', ru: 'ещё записать по файлу .xlsx на каждого менеджера только с его расчётным листом (и PDF рядом, если установлен LibreOffice)' },
  'cli.val.dir': { en: 'DIR', ru: 'ПАПКА' },
  'cli.opt.close': { en: 'close the period: append its lines to the Ledger sheet of the --out workbook (use that file as the next input)', ru: 'закрыть период: дописать его строки в лист «Начисления» книги --out (её и используйте дальше)' },
  'cli.opt.confirm': { en: 'with --close: close even while issues withhold a payout', ru: 'с --close: закрыть, даже если из-за замечаний кому-то не начислено' },
  'cli.opt.register': { en: 'write the payroll register (CSV for the accountant, 1C:ZUP)', ru: 'записать реестр начислений (CSV для бухгалтера, 1С:ЗУП)' },
  'cli.val.csv': { en: 'FILE.csv', ru: 'ФАЙЛ.csv' },
  'cli.opt.regulation': { en: 'write the motivation regulation of a scheme as .docx (with --out FILE.docx)', ru: 'записать положение о мотивации по схеме в .docx (с --out ФАЙЛ.docx)' },
  'cli.val.scheme': { en: 'SCHEME', ru: 'СХЕМА' },
  'cli.opt.period': { en: 'the period to pay (default: the last complete month)', ru: 'период расчёта (по умолчанию — последний полный месяц)' },
  'cli.val.period': { en: 'YYYY-MM|YYYY-Qn', ru: 'ГГГГ-ММ|ГГГГ-Qn' },
  'cli.opt.out': { en: 'where to write the payout tabs (default payouts.xlsx; never the workbook itself)', ru: 'куда записать вкладки с выплатами (по умолчанию payouts.xlsx; не в саму книгу)' },
  'cli.val.out': { en: 'FILE.xlsx', ru: 'ФАЙЛ.xlsx' },
  'cli.opt.json': { en: 'print the result as JSON on stdout (writes no file unless --out is given)', ru: 'вывести результат в JSON (файл не пишется, если не задан --out)' },
  'cli.opt.today': { en: 'the day to count from (default: today), e.g. for the default period', ru: 'сегодняшняя дата для расчёта (по умолчанию — сегодня), например для периода по умолчанию' },
  'cli.val.today': { en: 'YYYY-MM-DD', ru: 'ГГГГ-ММ-ДД' },
  'cli.opt.tz': { en: 'the time zone dates are read in (default $TZ, else Europe/Moscow)', ru: 'часовой пояс, в котором читаются даты (по умолчанию $TZ, иначе Europe/Moscow)' },
  'cli.val.tz': { en: 'ZONE', ru: 'ПОЯС' },
  'cli.opt.lang': { en: 'the language of the output: ru or en (default: the workbook\'s)', ru: 'язык вывода: ru или en (по умолчанию — язык книги)' },
  'cli.val.lang': { en: 'ru|en', ru: 'ru|en' },
  'cli.opt.currency': { en: 'the currency when the amounts\' format does not say: a three-letter code (RUB, USD, EUR…)', ru: 'валюта, если формат сумм её не задаёт: трёхбуквенный код (RUB, USD, EUR…)' },
  'cli.val.currency': { en: 'CODE', ru: 'КОД' },
  'cli.opt.simulate': { en: 'run one or two schemes over past periods instead (with --from, --to)', ru: 'вместо расчёта прогнать одну-две схемы по прошлым периодам (с --from, --to)' },
  'cli.val.simulate': { en: 'SCHEME[,SCHEME2]', ru: 'СХЕМА[,СХЕМА2]' },
  'cli.opt.from': { en: 'with --simulate: the first month', ru: 'с --simulate: первый месяц' },
  'cli.opt.to': { en: 'with --simulate: the last month', ru: 'с --simulate: последний месяц' },
  'cli.val.month': { en: 'YYYY-MM', ru: 'ГГГГ-ММ' },
  'cli.opt.managers': { en: 'with --simulate: only these managers', ru: 'с --simulate: только эти менеджеры' },
  'cli.val.managers': { en: 'A,B', ru: 'А,Б' },
  'cli.opt.help': { en: 'show this help', ru: 'показать эту справку' },

  'cli.repeatedOption': { en: 'Option {option} is given twice; give it once.', ru: 'Параметр {option} указан дважды; укажите его один раз.' },
  'cli.unknownOptionHelp': { en: 'Unknown option {option}; kpi-payouts --help lists the options.', ru: 'Неизвестный параметр {option}; список параметров: kpi-payouts --help.' },
  'cli.badLang': { en: '--lang "{value}" is not a language of KPI Payouts: write ru or en.', ru: '--lang «{value}» — такого языка нет: укажите ru или en.' },
  'cli.badCurrency': {
    en: '--currency "{value}" is not a currency code: write three letters, e.g. RUB, USD, EUR.',
    ru: '--currency «{value}» — не код валюты: укажите три латинские буквы, например RUB, USD, EUR.',
  },
  'cli.issuesTitle': { en: 'Issues:', ru: 'Замечания:' },
  'cli.issueMore': { en: '… and {count} more (all of them: the summary tab, or --json)', ru: '… и ещё {count} (все — на сводной вкладке или в выводе --json)' },
  'cli.issueRow': { en: 'row {row}', ru: 'строка {row}' },
} satisfies Record<string, MessageEntry>;

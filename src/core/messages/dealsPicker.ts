/**
 * The sidebar's Deals sheets picker (issue 9 item 3): one or several sheets read as one table.
 */
import type { MessageEntry } from './index';

export const dealsPickerMessages = {
  'sb.deals.help': {
    ru: 'Отметьте лист сделок — или несколько листов с одинаковыми столбцами: они читаются как одна таблица. Ничего не отмечено — лист ищется по названию.',
    en: 'Tick the deals sheet — or several sheets with the same columns: they are read as one table. Nothing ticked — the sheet is found by its name.',
  },
  'sb.deals.sheetDeals': { ru: '{sheet}: сделок — {count}', en: '{sheet}: {count} deals' },
  'sb.deals.total': { ru: 'Всего сделок: {count}', en: 'Deals in all: {count}' },
  'sb.deals.issues': {
    ru: 'Строк с ошибками: {count} — их покажет «Проверить данные».',
    en: 'Rows with problems: {count} — Check data lists them.',
  },
  'sb.deals.ignored': { ru: 'не используются', en: 'ignored' },
  'sb.deals.checking': { ru: 'Читаю листы…', en: 'Reading the sheets…' },
  'sb.deals.commaName': {
    ru: 'Лист «{sheet}» нельзя читать вместе с другими: в его названии есть запятая. Переименуйте его или выберите только его.',
    en: 'The sheet "{sheet}" cannot be read with others: its name has a comma. Rename it or choose it alone.',
  },
  'sb.deals.notSaved': {
    ru: 'Не сохранено: {reason}',
    en: 'Not saved: {reason}',
  },
} satisfies Record<string, MessageEntry>;

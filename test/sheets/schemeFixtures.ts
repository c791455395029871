/** A Schemes sheet as owners keep it, for the scheme-saving tests. */
import { SCHEME_COLUMNS, SCHEME_HEADERS } from '../../src/core/templates';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';

/** Schemes in A:K; the owner's side table (a rate card) in N:O, rows 1–6. */
export function schemesWithSideTable() {
  const header = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]);
  const pad = (cells: unknown[], side: unknown[] = []) => [...cells, ...Array(11 - cells.length).fill(''), '', '', ...side];
  const ss = fakeSpreadsheet({
    sheets: {
      Сделки: [['Дата', 'Менеджер', 'Сумма'], ['05.11.2026', 'Анна', 1000]],
      Схемы: [
        pad(header, ['Уровень', 'Ставка']),
        pad(['Базовая', 'оклад', '', '', 30000], ['junior', 0.02]),
        pad(['Партнёрская схема', 'оклад', '', '', 20000], ['middle', 0.03]),
        pad(['Партнёрская схема', 'процент', 'выручка', 0.05], ['senior', 0.04]),
        pad(['Базовая', 'процент', 'выручка', 0.03], ['lead', 0.05]),
        pad([], ['head', 0.06]),
      ],
    },
  });
  const globals = appsScriptGlobals(ss);
  return { ss, gas: loadBundle(globals), env: globals.__env };
}


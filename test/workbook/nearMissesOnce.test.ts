/**
 * One issue per cause (issue 9 leftovers): a Deals manager nobody planned in P who looks like a
 * planned one (`Ивано` beside `Иванов`) gets the name check's one issue per Deals row, naming the
 * closest planned name — not a second near-miss issue on the same row.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import type { RawWorkbook } from '../../src/workbook/raw';
import { msg } from '../../src/core/messages/index';

const raw = (): RawWorkbook => ({
  timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  sheets: [
    { name: 'Сделки', values: [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
      ['05.10.2026', 'Иванов', 'ООО Ромашка', 100000, 'успешно'],
      ['06.10.2026', 'Ивано', 'ИП Петров', 200000, 'успешно'],
      ['07.10.2026', 'Ивано', 'АО Вектор', 50000, 'отказ'],
    ] },
    { name: 'Планы', values: [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-10', 'Иванов', 'Ст', 1000000]] },
    { name: 'Схемы', values: [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['Ст', 'оклад', '', '', 10000], ['Ст', 'процент', 'выручка', '5%', '']] },
  ],
});

describe('a look-alike of a planned manager: one issue per Deals row', () => {
  it('«Ивано» on rows 3 and 4: the name check’s issue each, naming «Иванов»; Иванов paid on his own deal only', () => {
    const { json, issues } = runPayouts(raw(), { period: '2026-10', today: '2026-11-05' });
    const onRows = issues.filter((i) => i.sheet === 'Сделки' && (i.row === 3 || i.row === 4));
    // Two rows of «Ивано» in October → two issues, not four (the near-miss check once gave a second per row).
    expect(onRows.map((i) => [i.row, i.code])).toEqual([[3, 'not_in_plans'], [4, 'not_in_plans']]);
    expect(onRows[0].message).toBe(msg('ru', 'reading.issue.notInPlansLike', { manager: 'Ивано', period: '2026-10', like: 'Иванов' }));
    expect(issues.filter((i) => i.code === 'rtUnplannedLookalike')).toEqual([]);
    // Иванов: 10 000 + 5 % × 100 000 = 15 000; «Ивано» withheld (no payout).
    expect(json.managers.map((m) => [m.manager, m.total])).toEqual([['Иванов', 15000]]);
  });

  it('--managers Иванов: the name check leaves «Ивано» out, so the near-miss check names each of his rows once', () => {
    const { json, issues } = runPayouts(raw(), { period: '2026-10', today: '2026-11-05', managers: ['Иванов'] });
    const onRows = issues.filter((i) => i.sheet === 'Сделки' && (i.row === 3 || i.row === 4));
    expect(onRows.map((i) => [i.row, i.code])).toEqual([[3, 'rtUnplannedLookalike'], [4, 'rtUnplannedLookalike']]);
    expect(onRows[0].message).toBe(msg('ru', 'rtUnplannedLookalike', { value: 'Ивано', guess: 'Иванов', period: '2026-10' }));
    expect(json.managers.map((m) => [m.manager, m.total])).toEqual([['Иванов', 15000]]);
  });
});

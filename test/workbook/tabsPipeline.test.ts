import { describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../src/workbook/raw';
import { runPayouts } from '../../src/workbook/pipeline';

/**
 * Scheme «Стандарт»: оклад 30 000 + 3 % выручки. Иванов, 2026-11: deals 100 000 (ЗК-1) and
 * 50 000 (ЗК-2) → revenue 150 000; 3 % × 150 000 = 4 500; total 34 500.
 * Payments of ЗК-1: 40 000 on 2026-11-10 and 60 000 on 2026-12-02 → paid by the end of
 * November = 40 000 (the December payment is after the period).
 */
function workbook(): RawWorkbook {
  return {
    sheets: [
      { name: 'Сделки', values: [
        ['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
        ['ЗК-1', '03.11.2026', 'Иванов', 'ООО «Сталь»', 100000, 'успешно'],
        ['ЗК-2', '2026-11-20', 'Иванов', '=HYPERLINK("x")', '50\u00a0000,00', 'успешно'],
      ] },
      { name: 'Оплаты', values: [['Номер сделки', 'Дата', 'Сумма'], ['ЗК-1', '10.11.2026', 40000], ['ЗК-1', '02.12.2026', 60000]] },
      { name: 'Планы', values: [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-11', 'Иванов', 'Стандарт', 150000]] },
      { name: 'Схемы', values: [
        ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'],
        ['Стандарт', 'оклад', '', '', 30000],
        ['Стандарт', 'процент', 'выручка', '3%', ''],
      ] },
    ],
    timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  };
}

describe('runPayouts', () => {
  it('reads, computes and renders: 30 000 + 3 % × 150 000 = 34 500', () => {
    const r = runPayouts(workbook(), { period: '2026-11', today: '2026-12-05', generatedAt: '2026-12-05 10:00' });
    expect(r.json.managers.map((m) => [m.manager, m.salary, m.variable, m.total])).toEqual([['Иванов', 30000, 4500, 34500]]);
    expect(r.tabs.map((t) => t.name)).toEqual(['Выплаты · 2026-11', 'Иванов · 2026-11']);
    expect(r.issues).toEqual([]);
  });

  it('the deals table shows what was paid by the end of the period (40 000, not 100 000)', () => {
    const tab = runPayouts(workbook(), { period: '2026-11', today: '2026-12-05' }).tabs[1];
    const header = tab.rows.findIndex((row) => row[0] === 'Дата');
    const deals = tab.rows.slice(header + 1, header + 3);
    expect(deals.map((d) => [d[1], d[2], d[3], d[6]])).toEqual([['ЗК-1', 'ООО «Сталь»', 100000, 40000], ['ЗК-2', '=HYPERLINK("x")', 50000, null]]);
  });

  it('no period: the last complete month before today; generatedAt defaults to today', () => {
    const r = runPayouts(workbook(), { today: '2026-12-05' });
    expect(r.json.period).toBe('2026-11');
    expect(r.tabs[0].rows[1]).toEqual(['Сформировано', '2026-12-05']);
  });

  it('a bad period is a KpiUserError in the workbook language', () => {
    expect(() => runPayouts(workbook(), { period: '2026-13', today: '2026-12-05' })).toThrow('Период «2026-13» — не месяц (ГГГГ-ММ) и не квартал (ГГГГ-Qn), например 2026-11.');
    let error: unknown = null;
    try {
      runPayouts(workbook(), { period: 'x', today: '2026-12-05' });
    } catch (e) {
      error = e;
    }
    expect((error as Error | null)?.name).toBe('KpiUserError');
  });

  it('is deterministic: the same request gives the same JSON and tabs', () => {
    const req = { period: '2026-11', today: '2026-12-05', generatedAt: '2026-12-05 10:00' };
    const a = runPayouts(workbook(), req);
    const b = runPayouts(workbook(), req);
    expect(JSON.stringify(a.json)).toBe(JSON.stringify(b.json));
    expect(JSON.stringify(a.tabs)).toBe(JSON.stringify(b.tabs));
  });
});

/**
 * The messy workbooks of test/workbook/messy through the BUILT script (build/Code.js in node:vm,
 * the fake SpreadsheetApp): checkData returns the same figures, issues and column report as the
 * pipeline in Node.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { AMO_DEALS, BITRIX_DEALS, plansFor, SCHEMES } from '../workbook/messy/workbooks';
import { plain, rig } from './setup';

const NOW = new Date('2026-11-05T09:00:00Z');

describe('checkData on messy workbooks (built bundle)', () => {
  it('Bitrix24 export: 30 000 for Фёдорова Татьяна, no issue, the column report', () => {
    const raw = () => rawWorkbook({ 'Сделки': BITRIX_DEALS, 'Планы': plansFor('Фёдорова Татьяна'), 'Схемы': SCHEMES });
    const { gas } = rig(raw(), {}, { now: NOW });
    const json = plain(gas.call('checkData', '2026-10'));
    // 10 000 + 5 % × (300 000 + 100 000); the lost 500 000 and the open 700 000 count nowhere.
    expect(json.managers.map((m: any) => [m.manager, m.total])).toEqual([['Фёдорова Татьяна', 30000]]);
    expect(json.issues).toEqual([]);
    expect(json.columns['Сделки']).toMatchObject({ date: 'Дата закрытия', amount: 'Бюджет', client: 'Компания', status: 'Стадия сделки' });
    expect(json).toEqual(plain(runPayouts(raw(), { period: '2026-10', today: '2026-11-05' }).json));
  });

  it('names: «Фёдорова Т.» not in Plans is withheld with the closest planned name; amoCRM open stages left out', () => {
    const deals = [...AMO_DEALS.slice(0, 2), [205, 'Заказ 5', 50000, 'Фёдорова Т.', 'Успешно реализовано', 'Ира', '01.10.2026', '11.10.2026']];
    const { gas } = rig(rawWorkbook({ 'Сделки': deals, 'Планы': plansFor('Котов Андрей', 'Фёдорова Татьяна'), 'Схемы': SCHEMES }), {}, { now: NOW });
    const json = plain(gas.call('checkData', '2026-10'));
    // Котов: 10 000 + 5 % × 200 000 = 20 000; Фёдорова Татьяна: salary only, 10 000.
    expect(json.managers.map((m: any) => [m.manager, m.total])).toEqual([['Котов Андрей', 20000], ['Фёдорова Татьяна', 10000]]);
    expect(json.issues.map((i: any) => [i.sheet, i.row, i.column, i.value])).toEqual([['Сделки', 3, 'Ответственный', 'Фёдорова Т.']]); // header, 201, then 205 on row 3
    expect(json.issues[0].message).toMatch(/^«Фёдорова Т\.» — нет в Планах за 2026-10; похоже на «Фёдорова Татьяна»/);
  });
});

/**
 * A synthetic workbook of any size for I/O-scaling tests and the Sheets benchmark: `managers`
 * managers, `deals` won deals spread over November 2026 (Date cells, midnight in Moscow), plans
 * and the three template schemes of the ru fixture. Deterministic.
 */
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';
import { FIXTURE_SCHEMES, ruWorkbook, sheetDate } from '../fixtures/rawWorkbooks';

export function scaleWorkbook(opts: { managers: number; deals: number; timeZone?: string }): RawWorkbook {
  const timeZone = opts.timeZone ?? 'Europe/Moscow';
  const base = ruWorkbook({ timeZone });
  const schemes = base.sheets.find((s) => s.name === 'Схемы')!;
  const names = Array.from({ length: opts.managers }, (_, i) => `Менеджер ${String(i + 1).padStart(3, '0')}`);
  const days = Array.from({ length: 28 }, (_, i) => sheetDate(`2026-11-${String(i + 1).padStart(2, '0')}`, timeZone));
  const deals: CellValue[][] = [['№ сделки', 'Дата сделки', 'Контрагент', 'Ответственный', 'Сумма', 'Себестоимость', 'Статус']];
  for (let i = 0; i < opts.deals; i++) {
    deals.push([
      String(100000 + i),
      new Date(days[i % days.length].getTime()),
      `Клиент ${i % 500}`,
      names[i % names.length],
      10000 + (i % 97) * 100,
      6000 + (i % 89) * 50,
      i % 10 === 9 ? 'Отказ' : 'Успешно',
    ]);
  }
  const schemeNames = Object.values(FIXTURE_SCHEMES);
  const plans: CellValue[][] = [['Период', 'Менеджер', 'Схема', 'Выручка', 'Маржа', 'Сделки', 'Новые клиенты']];
  names.forEach((name, i) => plans.push(['2026-11', name, schemeNames[i % schemeNames.length], 1_000_000, 400_000, 20, 2]));
  const kpi: CellValue[][] = [['Период', 'Менеджер', 'Показатель', 'Значение']];
  names.forEach((name) => {
    kpi.push(['2026-11', name, 'Контакты', 120]);
    kpi.push(['2026-11', name, 'Оценка', 4.5]);
  });
  return {
    sheets: [
      { name: 'Сделки', values: deals },
      { name: 'Планы', values: plans },
      { name: 'Показатели', values: kpi },
      { name: 'Схемы', values: schemes.values },
    ],
    timeZone,
    locale: 'ru_RU',
    currency: null,
  };
}

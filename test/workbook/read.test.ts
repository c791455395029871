/**
 * Reading the owner's workbook: sheets and columns found by name, values in 1C/CRM formats,
 * the same business data in Russian and English giving the same input.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/read';
import { currencyOf } from '../../src/workbook/read';
import { findSheet, mapColumns, metricOfText, normalizeHeader, ROLE_FIELDS, SHEET_ROLES } from '../../src/workbook/headers';
import { KpiUserError } from '../../src/core/issues';
import type { PayoutInput } from '../../src/core/model';
import { dealsOnly, enWorkbook, MANAGERS, rawWorkbook, ruWorkbook, sheetDate } from '../fixtures/rawWorkbooks';

/** The input without where each row came from (the two workbooks lay rows out differently). */
function withoutRefs(input: PayoutInput): unknown {
  return JSON.parse(JSON.stringify(input, (key, value) => (key === 'ref' || key === 'sheetNames' ? undefined : value)));
}

describe('the Russian 1C export and the English workbook', () => {
  const ru = readWorkbook(ruWorkbook());
  const en = readWorkbook(enWorkbook());

  it('give the same input and no issues', () => {
    expect(ru.issues).toEqual([]);
    expect(en.issues).toEqual([]);
    expect(withoutRefs(ru.input)).toEqual(withoutRefs(en.input));
    expect(ru.input.deals).toHaveLength(8);
    expect(ru.input.payments).toHaveLength(5);
    expect(ru.input.plans).toHaveLength(3);
    expect(ru.input.kpiFacts).toHaveLength(4);
    expect(ru.input.schemeRows).toHaveLength(16); // 4 + 5 + 7 template rules
  });

  it('pick the language and currency from the locale', () => {
    expect([ru.lang, ru.currency, ru.timeZone]).toEqual(['ru', 'RUB', 'Europe/Moscow']);
    expect([en.lang, en.currency, en.timeZone]).toEqual(['en', 'USD', 'America/New_York']);
  });

  it('reads 1C text: deal 1002 "1 250 000,50 ₽" with cost "800 000" has margin 1 250 000,50 − 800 000 = 450 000,50', () => {
    const d = ru.input.deals.find((x) => x.id === '1002')!;
    expect(d.amount.toString()).toBe('1250000.5');
    expect(d.cost!.toString()).toBe('800000');
    expect(d.margin!.toString()).toBe('450000.5');
    expect(d.date).toBe('2026-11-03');
    expect(d.status).toBe('won'); // blank status cell
    // Title line, blank line, headers on row 3: the first deal is row 4 as Sheets shows it.
    expect(ru.input.deals[0].ref).toEqual({ sheet: 'Сделки', row: 4 });
    expect(en.input.deals[0].ref).toEqual({ sheet: 'Deals', row: 2 });
  });

  it('reads a return, statuses, partner price and attracted-by', () => {
    const byId = new Map(ru.input.deals.map((d) => [d.id, d]));
    expect(byId.get('1007')!.amount.toString()).toBe('-50000');
    expect(byId.get('1007')!.margin!.toString()).toBe('-20000'); // −50 000 − (−30 000)
    expect(byId.get('1004')!.status).toBe('lost'); // «Отказ»
    expect(byId.get('1008')!.status).toBe('cancelled'); // «Отменена»
    expect(byId.get('1003')!.partnerPrice!.toString()).toBe('250000');
    expect(byId.get('1003')!.attractedBy).toBe(MANAGERS.anna);
    expect(byId.get('1006')!.margin).toBeNull(); // cost blank, no margin column
  });

  it('notes which optional columns exist and the sheet names as written', () => {
    expect(ru.input.columns).toEqual({ status: true, client: true, margin: true, paid: true, partnerPrice: true, attractedBy: true, dealId: true });
    expect(ru.input.sheetNames).toEqual({ deals: 'Сделки', payments: 'Оплаты', plans: 'Планы', kpi: 'Показатели', schemes: 'Схемы' });
    expect(en.input.sheetNames).toEqual({ deals: 'Deals', payments: 'Payments', plans: 'Plans', kpi: 'KPI', schemes: 'Schemes' });
  });

  it('reads plans with metric columns in either language, and e-mails from Plans and Managers', () => {
    expect(ru.input.plans[0].period).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(en.input.plans[0].period).toEqual({ kind: 'month', year: 2026, month: 11 }); // a Date cell: its month
    expect(Object.fromEntries(Object.entries(ru.input.plans[0].targets).map(([k, v]) => [k, v.toString()]))).toEqual({
      revenue: '1000000', margin: '400000', deals: '2', new_clients: '1',
    });
    expect(ru.managerEmails.get('anna@example.com')).toBe(MANAGERS.anna);
    expect(en.managerEmails.get('viktor@example.com')).toBe(MANAGERS.viktor);
  });

  it('reports what it detected, for the sidebar', () => {
    expect(ru.detected.sheets).toEqual({ deals: 'Сделки', payments: 'Оплаты', plans: 'Планы', kpi: 'Показатели', schemes: 'Схемы', managers: 'Менеджеры' });
    expect(ru.detected.columns.deals).toMatchObject({ date: 'Дата сделки', manager: 'Ответственный', client: 'Контрагент', amount: 'Сумма, руб.', dealId: '№ сделки', margin: null });
    expect(ru.detected.headers.deals).toContain('Склад');
  });
});

describe('values in cells', () => {
  const head = ['Дата', 'Менеджер', 'Сумма'];

  it('reads every number format of SPEC §4 as 1 250 000,50', () => {
    const cells = ['1 250 000,50', '1 250 000.50 ₽', '1\u00a0250\u00a0000,50', '1\u202f250\u202f000,50', '1\u2009250\u2009000,50', 1250000.5, '1250000,5 руб.'];
    const r = readWorkbook(dealsOnly([head, ...cells.map((c) => ['22.11.2026', 'Иванов', c])]));
    expect(r.issues).toEqual([]);
    expect(r.input.deals.map((d) => d.amount.toString())).toEqual(cells.map(() => '1250000.5'));
  });

  it('reads 22.11.2026, 2026-11-22 and a Date as the sheet time zone sees it', () => {
    const late = new Date('2026-11-30T22:30:00Z'); // 01:30 on 1 December in Moscow (UTC+3)
    const rows = [head, ['22.11.2026', 'A', 1], ['2026-11-22', 'A', 1], [late, 'A', 1]];
    const moscow = readWorkbook(dealsOnly(rows, { timeZone: 'Europe/Moscow' }));
    expect(moscow.input.deals.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-22', '2026-12-01']);
    const london = readWorkbook(dealsOnly(rows, { timeZone: 'Europe/London' }));
    expect(london.input.deals[2].date).toBe('2026-11-30');
    // A midnight Date made for New York stays that day in New York.
    const ny = readWorkbook(dealsOnly([head, [sheetDate('2026-11-22', 'America/New_York'), 'A', 1]], { timeZone: 'America/New_York' }));
    expect(ny.input.deals[0].date).toBe('2026-11-22');
  });

  it('uses the adapter’s toLocalDay when given (Utilities.formatDate in Apps Script)', () => {
    const r = readWorkbook(dealsOnly([head, [new Date('2026-11-30T22:30:00Z'), 'A', 1]], { toLocalDay: () => '2030-01-02' }));
    expect(r.input.deals[0].date).toBe('2030-01-02');
  });

  it('trims and collapses names, compares them case-insensitively, shows the first spelling', () => {
    const r = readWorkbook(dealsOnly([head, ['22.11.2026', '  Иванов\u00a0 Иван ', 1], ['23.11.2026', 'ИВАНОВ ИВАН', 2]]));
    expect(r.input.deals.map((d) => d.manager)).toEqual(['Иванов Иван', 'Иванов Иван']);
  });

  it('a margin column wins over amount − cost; without either, margin is missing', () => {
    const r = readWorkbook(dealsOnly([['Дата', 'Менеджер', 'Сумма', 'Себестоимость', 'Маржа'], ['22.11.2026', 'A', 1000, 600, 350], ['22.11.2026', 'A', 1000, 600, '']]));
    expect(r.input.deals.map((d) => d.margin?.toString())).toEqual(['350', '400']); // given; 1000 − 600
    expect(r.input.columns.margin).toBe(true);
    const bare = readWorkbook(dealsOnly([head, ['22.11.2026', 'A', 1000]]));
    expect(bare.input.deals[0].margin).toBeNull();
    expect(bare.input.columns).toEqual({ status: false, client: false, margin: false, paid: false, partnerPrice: false, attractedBy: false, dealId: false });
  });

  it('status words of SPEC §2 in both languages, any case; blank is won', () => {
    const words = ['успешно', 'Выиграна', 'закрыта', 'продажа', 'won', 'Closed Won', '', 'проиграна', 'ОТКАЗ', 'lost', 'closed lost', 'отменена', 'аннулирована', 'cancelled', 'canceled'];
    const r = readWorkbook(dealsOnly([[...head, 'Статус'], ...words.map((w) => ['22.11.2026', 'A', 1, w])]));
    expect(r.issues).toEqual([]);
    expect(r.input.deals.map((d) => d.status)).toEqual(['won', 'won', 'won', 'won', 'won', 'won', 'won', 'lost', 'lost', 'lost', 'lost', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('a lost deal with a blank amount is kept as 0 (it only counts towards conversion)', () => {
    const r = readWorkbook(dealsOnly([[...head, 'Статус'], ['22.11.2026', 'A', '', 'отказ']]));
    expect(r.issues).toEqual([]);
    expect(r.input.deals[0].amount.toString()).toBe('0');
  });

  it('reads Deals’ own paid and paid-date columns when there is no Payments sheet', () => {
    const r = readWorkbook(dealsOnly([[...head, 'Оплачено', 'Дата оплаты'], ['22.11.2026', 'A', 1000, '400,50', '25.11.2026']]));
    expect(r.input.payments).toBeNull();
    expect(r.input.columns.paid).toBe(true);
    expect([r.input.deals[0].paid!.toString(), r.input.deals[0].paidDate]).toEqual(['400.5', '2026-11-25']);
  });

  it('plan periods: YYYY-MM, YYYY-Qn, MM.YYYY, a Date (its month)', () => {
    const raw = rawWorkbook({
      'Сделки': [head],
      'План': [['Период', 'Менеджер', 'Схема', 'Выручка', 'Комментарий'], ['2026-11', 'A', 'S', '1 000', 'note'], ['2026-Q4', 'A', 'S', '', ''], ['11.2026', 'A', 'S', 5, ''], [sheetDate('2026-10-01', 'Europe/Moscow'), 'A', 'S', 5, '']],
    });
    const r = readWorkbook(raw);
    expect(r.issues).toEqual([]);
    expect(r.input.plans.map((p) => p.period)).toEqual([
      { kind: 'month', year: 2026, month: 11 }, { kind: 'quarter', year: 2026, quarter: 4 }, { kind: 'month', year: 2026, month: 11 }, { kind: 'month', year: 2026, month: 10 },
    ]);
    expect(r.input.plans[0].targets.revenue.toString()).toBe('1000');
    expect(r.input.plans[1].targets).toEqual({}); // a blank cell plans nothing
    expect(Object.keys(r.input.plans[0].targets)).toEqual(['revenue']); // the comment column is no metric
  });
});

describe('sheets and columns', () => {
  it('finds sheets by name in either language, case- and space-insensitive', () => {
    const sheets = ['  сДеЛки ', 'Оплаты', 'План', 'K P I', 'Схемы', 'Сотрудники'].map((name) => ({ name, values: [] }));
    expect(SHEET_ROLES.map((role) => findSheet(sheets, role).sheet?.name)).toEqual(['  сДеЛки ', 'Оплаты', 'План', 'K P I', 'Схемы', 'Сотрудники']);
    expect(findSheet([{ name: 'Прочее', values: [] }], 'plans').sheet).toBeNull();
    // Failing an exact name, one that goes on with a non-letter: `Сделки 2026`, `Deals (1C)`.
    const named = (...names: string[]) => names.map((name) => ({ name, values: [] }));
    expect(findSheet(named('Сделки 2026'), 'deals').sheet?.name).toBe('Сделки 2026');
    expect(findSheet(named('Deals (1C)', 'Deals'), 'deals').sheet?.name).toBe('Deals');
    expect(findSheet(named('Плановые показатели'), 'plans').sheet).toBeNull();
  });

  it('names metrics in plan headers and KPI cells as owners write them', () => {
    const cases: [string, string][] = [
      ['Выручка, руб.', 'revenue'], ['План выручки', 'revenue'], ['Выручка (план)', 'revenue'], ['Revenue target', 'revenue'],
      ['План по марже', 'margin'], ['Количество сделок', 'deals'], ['New_clients', 'new_clients'], ['План новых клиентов', 'new_clients'],
      ['Конверсия, %', 'conversion'], ['Контакты', 'contacts'], ['Оценка заказчика', 'оценка_заказчика'], ['План звонков в CRM', 'план_звонков_в_crm'],
    ];
    expect(cases.map(([text]) => [text, metricOfText(text)])).toEqual(cases);
    expect(metricOfText('')).toBeNull();
  });

  it('normalises headers: case, ё, NBSP, punctuation, units, №', () => {
    expect(normalizeHeader('Сумма, руб.')).toBe('сумма');
    expect(normalizeHeader('СУММА (₽)')).toBe('сумма');
    expect(normalizeHeader('№ сделки')).toBe('номер сделки');
    expect(normalizeHeader('Партнёрская\u00a0цена')).toBe('партнерская цена');
    expect(normalizeHeader('Deal #')).toBe('deal id');
    expect(normalizeHeader('E-mail')).toBe('e mail');
  });

  it('keeps every synonym normalised and unique within its sheet', () => {
    for (const role of SHEET_ROLES) {
      const all = ROLE_FIELDS[role].flatMap((f) => f.synonyms);
      for (const s of all) expect(normalizeHeader(s)).toBe(s);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('maps columns in any order with extra columns, and loose headers like «Сумма сделки»', () => {
    const cols = mapColumns('deals', ['Склад', 'Сумма сделки', 'ИНН', 'Ответственный', 'Дата оплаты', 'Дата закрытия', 'Номер телефона']);
    expect(cols.index).toMatchObject({ amount: 1, manager: 3, paidDate: 4, date: 5, dealId: null });
    expect(cols.unmapped).toEqual([0, 2, 6]);
  });

  it('the same deals with columns shuffled and extras added read the same', () => {
    const base = enWorkbook();
    const deals = base.sheets[0].values;
    const order = [8, 3, 0, 6, 1, 2, 5, 7, 4];
    const shuffled = deals.map((row, i) => [i === 0 ? 'Notes' : `n${i}`, ...order.map((k) => row[k]), i === 0 ? 'Region' : 'EU']);
    const a = readWorkbook(base);
    const b = readWorkbook({ ...base, sheets: [{ name: 'Deals', values: shuffled }, ...base.sheets.slice(1)] });
    expect(b.issues).toEqual([]);
    expect(withoutRefs(b.input)).toEqual(withoutRefs(a.input));
  });

  it('a hand-made mapping picks the sheet and the column', () => {
    const values = [['Когда', 'Кто продал', 'Сумма'], ['22.11.2026', 'Иванов', 100]];
    const raw = rawWorkbook({ 'Выгрузка 1С': values, 'Архив': [['x']] });
    expect(() => readWorkbook(raw)).toThrow(/Нет листа сделок/);
    const mapped = readWorkbook({ ...raw, mapping: { sheets: { deals: 'Выгрузка 1С' }, columns: { deals: { date: 'Когда', manager: 'Кто продал' } } } });
    expect(mapped.issues).toEqual([]);
    expect(mapped.input.deals[0]).toMatchObject({ date: '2026-11-22', manager: 'Иванов', ref: { sheet: 'Выгрузка 1С', row: 2 } });
    expect(mapped.detected.columns.deals).toMatchObject({ date: 'Когда', manager: 'Кто продал', amount: 'Сумма' });
  });

  it('a hand-made column wins over a synonym', () => {
    const r = readWorkbook(dealsOnly([['Дата', 'Менеджер', 'Сумма', 'Сумма без НДС'], ['22.11.2026', 'A', 120, 100]], { mapping: { columns: { deals: { amount: 'Сумма без НДС' } } } }));
    expect(r.input.deals[0].amount.toString()).toBe('100');
  });
});

describe('whole-run problems throw a translated KpiUserError', () => {
  it('no Deals sheet: lists the sheets found', () => {
    const raw = rawWorkbook({ 'Лист1': [['a']], 'Планы': [['Период']] });
    expect(() => readWorkbook(raw)).toThrow(KpiUserError);
    expect(() => readWorkbook(raw)).toThrow('Нет листа сделок: назовите лист «Сделки» или «Deals» либо выберите его в боковой панели. Найдены листы: "Лист1", "Планы".');
    expect(() => readWorkbook({ ...raw, locale: 'en_GB' })).toThrow('No Deals sheet: name a sheet "Deals" or "Сделки", or pick one in the sidebar. Sheets found: "Лист1", "Планы".');
  });

  it('a required Deals column missing: names it and lists the headers found', () => {
    const raw = dealsOnly([['Дата', 'Менеджер', 'Клиент'], ['22.11.2026', 'A', 'B']]);
    expect(() => readWorkbook(raw)).toThrow('На листе «Сделки» нет столбца «сумма». Найдены заголовки: "Дата", "Менеджер", "Клиент". Переименуйте столбец или укажите его в боковой панели.');
    const en = dealsOnly([['Date', 'Amount']], { locale: 'en_US' }, 'Deals');
    expect(() => readWorkbook(en)).toThrow('Sheet "Deals" has no "manager" column. Headers found: "Date", "Amount". Rename a column or map it in the sidebar.');
  });

  it('a mapped Deals sheet that does not exist', () => {
    const raw = { ...dealsOnly([['Дата', 'Менеджер', 'Сумма']]), mapping: { sheets: { deals: 'Нет такого' } } };
    expect(() => readWorkbook(raw)).toThrow('Лист «Нет такого», выбранный для роли «Сделки», не найден. Найдены листы: "Сделки".');
  });
});

describe('currency', () => {
  it.each([
    [null, 'ru_RU', 'RUB'], [null, 'ru', 'RUB'], [null, 'en_US', 'USD'], [null, 'en_GB', 'GBP'], [null, 'de_DE', 'EUR'],
    [null, 'kk_KZ', 'KZT'], [null, 'en', 'RUB'], [null, null, 'RUB'], ['eur', 'en_US', 'EUR'], [null, 'xx_ZZ', 'RUB'],
  ])('currency %s, locale %s → %s', (currency, locale, expected) => {
    expect(currencyOf(currency, locale)).toBe(expected);
  });
});

/**
 * `npm run make-demo`: writes demo/demo-workbook.xlsx, the workbook `npm run demo` pays.
 * A metal wholesale / construction-supply firm, 10 managers, deals 2025-11 … 2026-10, in Russian,
 * the way a 1C export looks (some numbers as text with NBSP thousands, some dates as text), with
 * returns, lost and cancelled deals, split payments, partner prices, an «Привлёк» column, plans,
 * KPI facts, the three seed schemes — and a handful of deliberately bad rows.
 * Deterministic: a seeded PRNG and fixed dates; running it twice gives the same cells.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricLabel } from '../src/core/metricNames';
import { SCHEME_COLUMNS, SCHEME_HEADERS, SCHEME_TEMPLATES } from '../src/core/templates';
import { RULE_WORDS } from '../src/workbook/schemeSheet';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PATH = resolve(ROOT, 'demo/demo-workbook.xlsx');

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = 11 + i; // 2025-11 … 2026-10
  return { year: m > 12 ? 2026 : 2025, month: ((m - 1) % 12) + 1 };
});
const key = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
const DATA_END = utc(2026, 10, 31);

const SCHEME_NAMES = SCHEME_TEMPLATES.map((t) => t.name.ru); // seed001, seed002, seed003

interface Manager {
  name: string;
  scheme: number; // index into SCHEME_TEMPLATES
  base: number; // typical monthly revenue
  newClientRate: number;
}

const MANAGERS: Manager[] = [
  { name: 'Иванов Алексей', scheme: 0, base: 4_200_000, newClientRate: 0.35 },
  { name: 'Петрова Мария', scheme: 0, base: 3_600_000, newClientRate: 0.3 },
  { name: 'Сидоров Дмитрий', scheme: 0, base: 2_900_000, newClientRate: 0.25 },
  { name: 'Кузнецова Ольга', scheme: 0, base: 3_100_000, newClientRate: 0.3 },
  { name: 'Смирнов Игорь', scheme: 1, base: 3_800_000, newClientRate: 0.8 },
  { name: 'Волкова Анна', scheme: 1, base: 3_300_000, newClientRate: 0.7 },
  { name: 'Морозов Павел', scheme: 1, base: 2_700_000, newClientRate: 0.6 },
  { name: 'Лебедева Елена', scheme: 2, base: 3_900_000, newClientRate: 0.3 },
  { name: 'Новиков Сергей', scheme: 2, base: 3_400_000, newClientRate: 0.25 },
  { name: 'Фёдорова Татьяна', scheme: 2, base: 2_800_000, newClientRate: 0.3 },
];

const CLIENT_KINDS = ['ООО «Строй', 'АО «Металл', 'ООО «Монтаж', 'ООО «Кровля', 'ИП «Арма', 'ООО «Профиль', 'АО «Завод ЖБИ', 'ООО «Каркас', 'ООО «Мост', 'ООО «Техно'];
const CLIENT_ENDS = ['Инвест»', 'Групп»', 'Сервис»', 'Комплект»', 'Снаб»', 'Торг»', 'Проект»', 'Ресурс»', 'Холдинг»', 'Трейд»'];

/** `1 250 000,50` with NBSP thousands, as 1C exports it. */
function text1C(n: number): string {
  const [i, f] = Math.abs(n).toFixed(2).split('.');
  return (n < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + ',' + f;
}

const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

export function buildDemoWorkbook(): ExcelJS.Workbook {
  const rnd = prng(20261031);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'KPI Payouts demo';
  wb.created = new Date(Date.UTC(2026, 10, 1));
  wb.modified = new Date(Date.UTC(2026, 10, 1));

  // Client pools: each manager starts with a few clients and attracts more over the year.
  const usedClients = new Set<string>();
  let clientSerial = 0;
  const newClient = () => {
    for (;;) {
      const name = `${pick(CLIENT_KINDS)}${pick(CLIENT_ENDS)}`;
      if (!usedClients.has(name)) {
        usedClients.add(name);
        return name;
      }
      clientSerial++;
      const alt = `${name.slice(0, -1)}-${clientSerial}»`;
      if (!usedClients.has(alt)) {
        usedClients.add(alt);
        return alt;
      }
    }
  };
  const pools = MANAGERS.map(() => [newClient(), newClient(), newClient(), newClient()]);

  type DealRow = (string | number | Date | null)[];
  const deals: DealRow[] = [];
  const payments: DealRow[] = [];
  let serial = 0;
  const wonWords = ['успешно', 'успешно', 'успешно', 'успешно', 'закрыта', 'продажа'];

  for (const p of MONTHS) {
    MANAGERS.forEach((m, mi) => {
      if (rnd() < m.newClientRate) pools[mi].push(newClient());
      if (rnd() < m.newClientRate / 3) pools[mi].push(newClient());
      const count = 6 + Math.floor(rnd() * 7);
      const seasonal = 0.8 + 0.2 * Math.sin(((p.month - 3) / 12) * 2 * Math.PI) + rnd() * 0.3;
      for (let k = 0; k < count; k++) {
        serial++;
        const id = `ЗК-${String(serial).padStart(5, '0')}`;
        const day = 1 + Math.floor(rnd() * daysIn(p.year, p.month));
        const date = utc(p.year, p.month, day);
        // A new client's first deal falls in the month they were attracted.
        const client = k === 0 ? pools[mi][pools[mi].length - 1] : pick(pools[mi]);
        let amount = round2(((m.base * seasonal) / count) * (0.4 + rnd() * 1.2));
        const r = rnd();
        let status = pick(wonWords);
        if (r < 0.14) status = pick(['проиграна', 'отказ']);
        else if (r < 0.18) status = 'отменена';
        const isReturn = wonWords.includes(status) && rnd() < 0.03;
        if (isReturn) amount = -round2(amount * 0.3);
        const cost = round2(amount * (0.78 + rnd() * 0.12));
        const partner = m.scheme === 1 && !isReturn && rnd() < 0.35 ? round2(cost * (1.03 + rnd() * 0.04)) : null;
        const attracted = m.scheme === 0 && rnd() < 0.03 ? MANAGERS[4 + Math.floor(rnd() * 3)].name : null;
        const asText = rnd() < 0.06;
        const dateAsText = rnd() < 0.05;
        deals.push([id, dateAsText ? ddmmyyyy(date) : date, m.name, client, asText ? text1C(amount) : amount, asText ? text1C(cost) : cost, status, partner, attracted]);

        // Payments: won positive deals are paid in one to three parts, some across month ends.
        const won = wonWords.includes(status);
        if (won && amount > 0) {
          const parts = rnd() < 0.7 ? 1 : rnd() < 0.7 ? 2 : 3;
          let left = amount;
          let when = addDays(date, Math.floor(rnd() * 20));
          for (let j = 0; j < parts; j++) {
            const part = j === parts - 1 ? round2(left) : round2(left * (0.3 + rnd() * 0.4));
            left = round2(left - part);
            if (when > DATA_END) break;
            if (rnd() < 0.06 && j === parts - 1) break; // a debt still owed
            payments.push([id, when, part]);
            when = addDays(when, 10 + Math.floor(rnd() * 30));
          }
        }
      }
    });
  }

  // Deliberately bad rows (all in the last month, so the demo run lists them).
  const oct = (d: number) => utc(2026, 10, d);
  deals.push(['ЗК-90001', oct(14), 'Иванов Алексей', 'ООО «СтройИнвест»', 480000, 400000, 'передумал', null, null]); // unknown status
  deals.push(['ЗК-90002', '31.02.2026', 'Петрова Мария', 'ООО «МонтажСервис»', 350000, 290000, 'успешно', null, null]); // no such day
  deals.push(['ЗК-90003', oct(20), 'Сидоров Дмитрий', 'ООО «КровляСнаб»', 'abc', 100000, 'успешно', null, null]); // amount is not a number
  deals.push([String(deals[deals.length - 10][0]), oct(22), 'Волкова Анна', 'ООО «ПрофильТорг»', 215000, 180000, 'успешно', null, null]); // duplicate deal id
  payments.push(['ЗК-99999', oct(25), 125000]); // a payment for a deal that does not exist

  const dealsWs = wb.addWorksheet('Сделки', { views: [{ state: 'frozen', ySplit: 1 }] });
  dealsWs.addRow(['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус', 'Партнёрская цена', 'Привлёк']);
  for (const d of deals) dealsWs.addRow(d);
  dealsWs.getColumn(2).numFmt = 'dd.mm.yyyy';
  for (const c of [5, 6, 8]) dealsWs.getColumn(c).numFmt = '#,##0.00';
  [12, 12, 20, 28, 14, 14, 12, 14, 20].forEach((w, i) => (dealsWs.getColumn(i + 1).width = w));

  const payWs = wb.addWorksheet('Оплаты', { views: [{ state: 'frozen', ySplit: 1 }] });
  payWs.addRow(['Номер сделки', 'Дата', 'Сумма']);
  payments.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime() || String(a[0]).localeCompare(String(b[0])));
  for (const pmt of payments) payWs.addRow(pmt);
  payWs.getColumn(2).numFmt = 'dd.mm.yyyy';
  payWs.getColumn(3).numFmt = '#,##0.00';
  [14, 12, 14].forEach((w, i) => (payWs.getColumn(i + 1).width = w));

  const plansWs = wb.addWorksheet('Планы', { views: [{ state: 'frozen', ySplit: 1 }] });
  plansWs.addRow(['Период', 'Менеджер', 'Схема', 'Выручка', 'Маржа', 'Новые клиенты', 'Контакты']);
  for (const p of MONTHS) {
    for (const m of MANAGERS) {
      // Plans follow the season and the usual share of won deals, so some managers beat them.
      const expected = m.base * (0.95 + 0.2 * Math.sin(((p.month - 3) / 12) * 2 * Math.PI)) * 0.8;
      const revenuePlan = Math.round((expected * (0.8 + rnd() * 0.3)) / 50000) * 50000;
      plansWs.addRow([
        key(p), m.name, SCHEME_NAMES[m.scheme], revenuePlan, Math.round(revenuePlan * 0.15 / 10000) * 10000,
        m.scheme === 1 ? 1 : null, m.scheme === 2 ? 300 : null,
      ]);
    }
  }
  plansWs.getColumn(4).numFmt = '#,##0';
  plansWs.getColumn(5).numFmt = '#,##0';
  [10, 20, 22, 14, 12, 14, 10].forEach((w, i) => (plansWs.getColumn(i + 1).width = w));

  const kpiWs = wb.addWorksheet('Показатели', { views: [{ state: 'frozen', ySplit: 1 }] });
  kpiWs.addRow(['Период', 'Менеджер', 'Показатель', 'Значение']);
  for (const p of MONTHS) {
    for (const m of MANAGERS.filter((x) => x.scheme === 2)) kpiWs.addRow([key(p), m.name, 'контакты', 180 + Math.floor(rnd() * 200)]);
  }
  [10, 20, 14, 10].forEach((w, i) => (kpiWs.getColumn(i + 1).width = w));

  const schemesWs = wb.addWorksheet('Схемы', { views: [{ state: 'frozen', ySplit: 1 }] });
  schemesWs.addRow(SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c].replace(/^./, (ch) => ch.toUpperCase())));
  SCHEME_TEMPLATES.forEach((t) => {
    for (const r of t.rules) {
      schemesWs.addRow(
        SCHEME_COLUMNS.map((c) => {
          if (c === 'scheme') return t.name.ru;
          if (c === 'rule') return RULE_WORDS.ru[r.rule];
          if (c === 'metric') return r.metric ? metricLabel(r.metric, 'ru') : '';
          if (c === 'rate') return r.rate.replace(/(\d)\.(\d)/, '$1,$2');
          return r[c];
        }),
      );
    }
  });
  [22, 20, 20, 10, 10, 10, 20, 12, 10, 10, 40].forEach((w, i) => (schemesWs.getColumn(i + 1).width = w));
  for (const ws of [dealsWs, payWs, plansWs, kpiWs, schemesWs]) ws.getRow(1).font = { bold: true };
  return wb;
}

/** Re-zips with fixed entry dates, so the same cells give the same bytes (a clean git diff). */
async function stableZip(xlsx: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  const fixed = new Date(Date.UTC(2026, 10, 1));
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    out.file(name, await f.async('uint8array'), { date: fixed, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function main(): Promise<void> {
  const wb = buildDemoWorkbook();
  mkdirSync(dirname(DEMO_PATH), { recursive: true });
  const buf = await stableZip(Buffer.from(await wb.xlsx.writeBuffer()));
  writeFileSync(DEMO_PATH, buf);
  process.stdout.write(`${DEMO_PATH}: ${(buf.length / 1024).toFixed(1)} KB\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`make-demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

/**
 * `npm run preview`: the built sidebar (build/Sidebar.html) in a normal browser, without Google.
 *
 * Serves the page on http://localhost:PORT (PORT env, default 5173) with a `google.script.run`
 * shim that POSTs `{ name, args }` to /rpc, where the BUILT server functions (build/Code.js, via
 * test/harness/loadBundle) run against an in-memory spreadsheet (the fake SpreadsheetApp) made from
 * demo/demo-workbook.xlsx — or a small built-in workbook when the demo is absent.
 * `?panel=schemes|earnings|simulate&lang=ru|en` picks the panel and the language.
 *
 * The browser tests reuse `startPreviewServer`.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { loadBundle, type LoadedBundle } from '../test/harness/loadBundle';
import { appsScriptGlobals, fakeSpreadsheet, type FakeEnvironment, type FakeSpreadsheet } from '../test/harness/fakeSpreadsheetApp';
import { rawWorkbookOf } from '../src/cli/xlsxRead';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIDEBAR = resolve(ROOT, 'build/Sidebar.html');
const DEMO = resolve(ROOT, 'demo/demo-workbook.xlsx');

/** google.script.run as a Proxy: any property is a server function that POSTs to /rpc. */
const SHIM = `<script>
(function () {
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
        if (name === 'withUserObject') return function () { return runner(success, failure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) { if (success) success(res.value); }
              else if (failure) failure(new Error(res.error));
            }, function (e) { if (failure) failure(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;

/** A small workbook for when the demo file is not there: a few deals, a plan, one scheme. */
function builtInSheets(): Record<string, unknown[][]> {
  return {
    Сделки: [
      ['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус'],
      ['1', '03.11.2026', 'Иванов', 'ООО Ромашка', 600000, 420000, 'успешно'],
      ['2', '12.11.2026', 'Иванов', 'ИП Петров', 500000, 350000, 'успешно'],
      ['3', '20.11.2026', 'Смирнова', 'АО Вектор', 900000, 600000, 'успешно'],
    ],
    Планы: [
      ['Период', 'Менеджер', 'Схема', 'Выручка'],
      ['2026-11', 'Иванов', 'Оклад + % + бонусы', 1000000],
      ['2026-11', 'Смирнова', 'Оклад + % + бонусы', 1000000],
    ],
    Схемы: [
      ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма', 'Порог', 'Шкала', 'Режим', 'Потолок', 'Месяцев', 'Комментарий'],
      ['Оклад + % + бонусы', 'оклад', '', '', 30000, '', '', '', '', '', 'Небольшой оклад'],
      ['Оклад + % + бонусы', 'процент', 'выручка', '3%', '', '', '', '', '', '', '% от сделки'],
    ],
  };
}

async function demoSheets(): Promise<{ sheets: Record<string, unknown[][]>; locale: string }> {
  if (!existsSync(DEMO)) return { sheets: builtInSheets(), locale: 'ru_RU' };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEMO);
  const raw = rawWorkbookOf(wb, { timeZone: 'Europe/Moscow' });
  return { sheets: Object.fromEntries(raw.sheets.map((s) => [s.name, s.values])), locale: raw.locale ?? 'ru_RU' };
}

export interface PreviewServer {
  url: string;
  /** The in-memory spreadsheet the server functions read and write (inspect it in tests). */
  spreadsheet: FakeSpreadsheet;
  /** The fake services' state: UI events, document properties (the saved column mapping), lock. */
  env: FakeEnvironment;
  bundle: LoadedBundle;
  close(): Promise<void>;
}

export interface PreviewOptions {
  port?: number;
  /** Sheets to start from instead of the demo workbook. */
  sheets?: Record<string, unknown[][]>;
  locale?: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The page the add-on shows (the built `showSidebar`: Sidebar.html + the config it appends), with the shim. */
function sidebarPage(bundle: LoadedBundle, env: FakeEnvironment, panel: string): string {
  bundle.call('showSidebar', panel);
  const html = env.ui._events[env.ui._events.length - 1].html!.getContent();
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${SHIM}`) : SHIM + html;
}

export async function startPreviewServer(opts: PreviewOptions = {}): Promise<PreviewServer> {
  if (!existsSync(SIDEBAR)) throw new Error('build/Sidebar.html is missing: run `npm run build` first');
  const demo = opts.sheets ? { sheets: opts.sheets, locale: opts.locale ?? 'ru_RU' } : await demoSheets();
  const ss = fakeSpreadsheet({ sheets: demo.sheets, timeZone: 'Europe/Moscow', locale: opts.locale ?? demo.locale });
  const globals = appsScriptGlobals(ss, { userLocale: 'ru', htmlDir: dirname(SIDEBAR) });
  const bundle = loadBundle(globals);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'POST' && url.pathname === '/rpc') {
        const { name, args } = JSON.parse(await readBody(req)) as { name: string; args: unknown[] };
        let payload: unknown;
        try {
          // JSON round trip: what google.script.run would deliver (plain data, no functions, no vm objects).
          const value = bundle.call(name, ...(Array.isArray(args) ? args : []));
          payload = { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
        } catch (e) {
          payload = { ok: false, error: String((e as Error)?.message ?? e) };
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
        return;
      }
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
        const panel = url.searchParams.get('panel') ?? 'schemes';
        const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'ru';
        // The language is the spreadsheet's (SPEC §1): the preview's query sets the fake's locale.
        (ss as unknown as { _locale: string })._locale = lang === 'en' ? 'en_US' : 'ru_RU';
        const page = sidebarPage(bundle, globals.__env, panel); // an unknown panel throws, as in the add-on
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String((e as Error)?.message ?? e));
    }
  });

  const port = opts.port ?? 0;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, () => ok());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}/`,
    spreadsheet: ss,
    env: globals.__env,
    bundle,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const isMain = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const port = Number(process.env.PORT ?? 5173);
  startPreviewServer({ port })
    .then((s) => {
      console.log(`KPI Payouts sidebar preview: ${s.url}`);
      console.log(`  ${s.url}?panel=schemes&lang=ru   ${s.url}?panel=earnings&lang=en   ${s.url}?panel=simulate`);
      console.log('Ctrl+C to stop.');
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}

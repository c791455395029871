/**
 * `npm run preview`: the built sidebar (build/Sidebar.html) in a normal browser, without Google.
 *
 * Serves the page on http://localhost:PORT (PORT env, default 5173) with a `google.script.run`
 * shim that POSTs `{ name, args }` to /rpc, where the BUILT server functions (build/Code.js, via
 * test/harness/loadBundle) run against an in-memory spreadsheet (the fake SpreadsheetApp) made from
 * demo/demo-workbook.xlsx — or a small built-in workbook when the demo is absent.
 * `?panel=schemes|earnings|simulate&lang=ru|en` picks the panel and the language;
 * `/menu?lang=ru|en` lists the add-on menu as Sheets shows it, and `/dialog?fn=<menu function>`
 * runs that menu item and shows what it shows: Sheets' own prompt and alert boxes drawn as they
 * look, HTML dialogs in a frame of their own width and height (with `google.script.run` working).
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

/** Text safe inside HTML (the preview's own pages). */
function esc(v: unknown): string {
  return String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CHROME = `<style>
body{margin:0;font:13px/1.4 Arial,sans-serif;background:#e8eaed;color:#202124}
.dialog{background:#fff;margin:12px;border-radius:8px;box-shadow:0 4px 12px rgba(0,0,0,.3);max-width:calc(100vw - 24px);box-sizing:border-box}
.dialog h1{font-size:16px;font-weight:normal;margin:0;padding:16px 20px 8px;overflow-wrap:anywhere}
.dialog .body{padding:0 20px 12px;white-space:pre-wrap;overflow-wrap:anywhere}
.dialog .buttons{padding:8px 20px 16px;text-align:right}
.dialog .buttons a,.dialog .buttons button{font:inherit;margin-left:8px;padding:6px 14px;border:1px solid #dadce0;border-radius:4px;background:#fff;color:#1a73e8;text-decoration:none}
.dialog input{font:inherit;width:100%;box-sizing:border-box;padding:6px;border:1px solid #dadce0;border-radius:3px}
.dialog iframe{border:0;display:block;width:100%}
ul.menu{list-style:none;background:#fff;margin:12px;padding:6px 0;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3);max-width:320px}
ul.menu li a{display:block;padding:6px 16px;color:#202124;text-decoration:none}
ul.menu li.sep{border-top:1px solid #dadce0;margin:6px 0}
</style>`;

/** The page a menu item shows: every prompt, alert and dialog it opened, in order. */
function dialogPage(bundle: LoadedBundle, env: FakeEnvironment, fn: string, lang: string, answer: string | null): string {
  const ui = env.ui;
  const before = ui._events.length;
  if (answer !== null) ui._promptResponses.push({ text: answer, button: 'OK' });
  let failure = '';
  try {
    bundle.call(fn);
  } catch (e) {
    failure = String((e as Error)?.message ?? e);
  }
  ui._promptResponses.length = 0;
  const parts = ui._events.slice(before).map((ev, i) => {
    if (ev.kind === 'prompt') {
      // Sheets' own prompt box: the answer typed goes back through the same menu function
      const input = answer === null
        ? `<form method="get" action="/dialog"><input type="hidden" name="fn" value="${esc(fn)}"><input type="hidden" name="lang" value="${esc(lang)}"><input name="answer" data-testid="prompt-input" autofocus><div class="buttons"><button type="submit" data-testid="prompt-ok">OK</button></div></form>`
        : `<input value="${esc(answer)}" readonly>`;
      return `<div class="dialog" data-kind="prompt" data-testid="dialog-${i}" style="width:400px"><h1>${esc(ev.title ?? '')}</h1><div class="body">${esc(ev.message ?? '')}${input}</div></div>`;
    }
    if (ev.kind === 'alert') {
      return `<div class="dialog" data-kind="alert" data-testid="dialog-${i}" style="width:400px"><h1>${esc(ev.title ?? '')}</h1><div class="body">${esc(ev.message ?? '')}</div><div class="buttons"><a href="/menu?lang=${esc(lang)}">OK</a></div></div>`;
    }
    const html = ev.html!;
    const content = html.getContent();
    const page = /<head[^>]*>/i.test(content) ? content.replace(/<head[^>]*>/i, (m) => `${m}\n${SHIM}`) : SHIM + content;
    const width = ev.kind === 'sidebar' ? 300 : html.getWidth() || 600;
    const height = ev.kind === 'sidebar' ? 700 : html.getHeight() || 400;
    return `<div class="dialog" data-kind="${ev.kind}" data-testid="dialog-${i}" style="width:${width + 40}px"><h1>${esc(ev.title ?? '')}</h1><div class="body"><iframe data-testid="dialog-frame" style="height:${height}px" srcdoc="${esc(page)}"></iframe></div></div>`;
  });
  if (failure) parts.push(`<div class="dialog" data-kind="error"><h1>Error</h1><div class="body">${esc(failure)}</div></div>`);
  return `<!DOCTYPE html><html lang="${esc(lang)}"><head><meta charset="utf-8">${CHROME}</head><body>${parts.join('')}</body></html>`;
}

/** The add-on menu as built by the bundle's own onOpen: each item opens its dialog or panel. */
function menuPage(bundle: LoadedBundle, env: FakeEnvironment, lang: string): string {
  const ui = env.ui;
  ui._menus.length = 0;
  bundle.call('onOpen', { authMode: 'FULL' });
  const items = (ui._menus[ui._menus.length - 1]?.items ?? []).map((it) =>
    'separator' in it ? '<li class="sep"></li>' : `<li><a data-testid="menu-item" data-fn="${esc(it.fn)}" href="/dialog?fn=${encodeURIComponent(it.fn)}&lang=${esc(lang)}">${esc(it.caption)}</a></li>`,
  );
  return `<!DOCTYPE html><html lang="${esc(lang)}"><head><meta charset="utf-8">${CHROME}</head><body><ul class="menu" data-testid="menu">${items.join('')}</ul></body></html>`;
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
      if (req.method === 'GET' && (url.pathname === '/menu' || url.pathname === '/dialog')) {
        const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'ru';
        (ss as unknown as { _locale: string })._locale = lang === 'en' ? 'en_US' : 'ru_RU';
        const page = url.pathname === '/menu'
          ? menuPage(bundle, globals.__env, lang)
          : dialogPage(bundle, globals.__env, url.searchParams.get('fn') ?? '', lang, url.searchParams.get('answer'));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
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
      console.log(`  ${s.url}menu?lang=ru — the add-on menu: every item opens its dialog (Generate payouts, Check data, Help, …)`);
      console.log('Ctrl+C to stop.');
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}

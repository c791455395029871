/**
 * Every panel and dialog an owner sees, as a list of screens the browser tests check and
 * `npm run screenshots` photographs: the same steps for both, so the README's pictures are the
 * screens the tests proved readable. Each screen opens a page of the preview server
 * (scripts/preview.ts: the built Sidebar.html and Code.js over the fake spreadsheet) and brings it
 * to the state worth looking at.
 */
import type { Frame, Page } from 'playwright-core';

export type ScreenLang = 'ru' | 'en';

export interface Screen {
  /** File-name-safe name: `sidebar-simulate`, `dialog-menuCheckData`. */
  name: string;
  /** Path and query on the preview server. */
  path(lang: ScreenLang): string;
  /** Steps that bring the page to the state shown. */
  prepare?(page: Page, lang: ScreenLang): Promise<void>;
}

/** The sidebar's width in Sheets: every panel must read at it. */
export const SIDEBAR_WIDTH = 300;

export const PANEL_SCREENS: Screen[] = [
  {
    name: 'sidebar-schemes',
    path: (lang) => `/?panel=schemes&lang=${lang}`,
    async prepare(page) {
      await page.click('[data-template="seed001"] button');
      await page.waitForSelector('.chart rect.salary');
    },
  },
  {
    name: 'sidebar-earnings',
    path: (lang) => `/?panel=earnings&lang=${lang}`,
    async prepare(page) {
      await page.waitForSelector('[data-testid=earnings-manager] option:nth-child(2)', { state: 'attached' });
      const value = await page.$eval('[data-testid=earnings-manager] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
      await page.selectOption('[data-testid=earnings-manager]', value);
      await page.fill('[data-testid=earnings-asof]', '2026-10-25');
      await page.waitForSelector('[data-testid=earnings-total]');
      await page.waitForFunction(() => !document.querySelector('[data-testid=earnings]')?.textContent?.includes('…'));
    },
  },
  {
    name: 'sidebar-simulate',
    path: (lang) => `/?panel=simulate&lang=${lang}`,
    async prepare(page) {
      await page.waitForSelector('[data-testid=sim-scheme1] option:nth-child(2)', { state: 'attached' });
      const second = await page.$eval('[data-testid=sim-scheme1] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
      await page.selectOption('[data-testid=sim-scheme2]', second);
      await page.fill('[data-testid=sim-from]', '2026-08');
      await page.fill('[data-testid=sim-to]', '2026-10');
      await page.click('[data-testid=sim-run]');
      await page.waitForSelector('[data-testid=sim-result]');
      await page.click('[data-testid=sim-detail] summary');
    },
  },
  {
    // Sheets and columns, opened: the Deals sheets' checkboxes, the combined table's counts and column report, every field's select.
    name: 'sidebar-mapping',
    path: (lang) => `/?panel=schemes&lang=${lang}`,
    async prepare(page) {
      await page.click('.mapping summary');
      await page.waitForSelector('.deals-check, .deals-refused');
    },
  },
];

/** The menu and every menu item that opens a dialog (the sidebar's own items are the panels above). */
export const SIDEBAR_ITEMS = new Set(['menuSchemes', 'menuMyEarnings', 'menuSimulate']);

export function dialogScreens(menuFunctions: string[]): Screen[] {
  return [
    { name: 'menu', path: (lang) => `/menu?lang=${lang}` },
    ...menuFunctions.filter((fn) => !SIDEBAR_ITEMS.has(fn)).flatMap((fn): Screen[] => [
      {
        name: `dialog-${fn}`,
        path: (lang) => `/dialog?fn=${encodeURIComponent(fn)}&lang=${lang}`,
      },
    ]),
    // Generate payouts: the answered prompt and the summary that follows it
    { name: 'dialog-menuGeneratePayouts-done', path: (lang) => `/dialog?fn=menuGeneratePayouts&lang=${lang}&answer=2026-10` },
  ];
}

/**
 * What a reader would call broken at this width, in a page or frame: the page scrolls sideways,
 * an element's text is cut (scrollWidth > clientWidth), a drop-down's chosen text does not fit, or
 * a message key shows instead of its text.
 */
export async function layoutProblems(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const label = (el: Element) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> «${(el.textContent ?? '').trim().slice(0, 50)}»`;
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!(el instanceof HTMLElement)) continue; // SVG draws its own text
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('details:not([open]) > :not(summary)')) continue;
      if (el instanceof HTMLSelectElement) {
        const chosen = el.selectedOptions[0]?.text ?? '';
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        if (canvas.measureText(chosen).width > el.clientWidth - 20) problems.push(`a drop-down cuts its choice: ${label(el)} «${chosen}»`);
        continue;
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLIFrameElement || el instanceof HTMLOptionElement) continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) problems.push(`text cut: ${label(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const keys = (document.body.innerText.match(/\b(?:sb|simulate|earnings|ui|tabs|cli|eng|wb|fn|menu|ledger|statements|regulation)\.[A-Za-z][\w.]*[A-Za-z]/g) ?? []);
    for (const k of keys) problems.push(`untranslated key: ${k}`);
    return problems;
  });
}

/** The problems of a page and of every frame in it (HTML dialogs render in frames). */
export async function allLayoutProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const frame of page.frames()) {
    const where = frame === page.mainFrame() ? '' : 'dialog frame: ';
    problems.push(...(await layoutProblems(frame)).map((p) => where + p));
  }
  return problems;
}

/**
 * `npm run screenshots`: photographs every panel (300 px, as in Sheets) and every dialog of the
 * menu, in Russian and English, from the built add-on on the demo workbook, into docs/img/.
 * The README shows some of them; test/ui/screens.browser.test.ts checks the same screens.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/harness/browser';
import { dialogScreens, PANEL_SCREENS, SIDEBAR_WIDTH } from '../test/harness/screens';
import { startPreviewServer } from './preview';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/img');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startPreviewServer();
  const browser = await launchChromium();
  try {
    server.bundle.call('onOpen', { authMode: 'FULL' });
    const menu = server.env.ui._menus[server.env.ui._menus.length - 1].items.flatMap((it) => ('fn' in it ? [it.fn] : []));
    const shots = [
      // a panel as Sheets shows it: the sidebar's width, one screen high
      ...PANEL_SCREENS.map((screen) => ({ screen, width: SIDEBAR_WIDTH, fullPage: false })),
      ...dialogScreens(menu).map((screen) => ({ screen, width: 1000, fullPage: true })),
    ];
    for (const lang of ['ru', 'en'] as const) {
      for (const { screen, width, fullPage } of shots) {
        const page = await browser.newPage({ viewport: { width, height: fullPage ? 900 : 760 }, deviceScaleFactor: 1 });
        await page.goto(server.url.replace(/\/$/, '') + screen.path(lang));
        await screen.prepare?.(page, lang);
        const file = resolve(OUT, `${screen.name}-${lang}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

/**
 * The statement e-mails in real Chromium: the HTML bodies that sendStatements hands to the MailApp
 * fake (built script, test/statements/fixture.ts) render as a statement, a client named
 * `<script>…</script>` or `=HYPERLINK(…)` shows as that text (no script runs, no element, no link),
 * and each e-mail holds one manager: no other manager's name, total or deal appears in what a
 * reader sees or in the markup. Skipped locally without Chromium; under CI=true it fails instead.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/moneyText';
import { launchChromium, RUN_BROWSER_TESTS } from '../harness/browser';
import type { FakeMailApp, SentMessage } from '../harness/fakeMailApp';
import { rig } from '../sheets/setup';
import { FORMULA_CLIENT, IVANOV, PETROV, SCRIPT_CLIENT, SIDOROVA, statementWorkbook } from './fixture';

const money = (n: number) => formatMoney(n, 'ru', 'RUB');

/** Chromium's innerText turns no-break spaces into spaces: compare both sides so. */
const flat = (t: string): string => t.replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!RUN_BROWSER_TESTS)('statement e-mails in Chromium', () => {
  let browser: Browser;
  let sent: SentMessage[];

  beforeAll(async () => {
    const { gas } = rig(statementWorkbook({ sidorovaEmail: 'sidorova@example.com' }), {}, { now: new Date('2026-11-05T12:00:00+03:00') });
    gas.call('sendStatements', '2026-10', true);
    sent = (gas.get('MailApp') as FakeMailApp)._sent;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function render(html: string) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const events: string[] = [];
    page.on('dialog', async (d) => {
      events.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('pageerror', (e) => events.push(`error: ${e.message}`));
    await page.setContent(html, { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      text: document.body.innerText.replace(/[\u00a0\u202f]/g, ' '),
      scripts: document.querySelectorAll('script').length,
      links: document.querySelectorAll('a').length,
      rows: document.querySelectorAll('tr').length,
      height: document.body.getBoundingClientRect().height,
      title: document.title,
    }));
    await page.close();
    return { ...seen, events };
  }

  it('renders each statement with its lines, total and deals', async () => {
    expect(sent.map((m) => m.to)).toEqual(['ivanov@example.com', 'petrov@example.com', 'sidorova@example.com']);
    const ivanov = await render(sent[0].htmlBody!);
    expect(ivanov.events).toEqual([]);
    expect(ivanov.height).toBeGreaterThan(300);
    // header 5 (with plan attainment) + lines 1 + 4 + totals 3 + deals 1 + 2 = 16 table rows
    expect(ivanov.rows).toBe(16);
    expect(ivanov.text).toContain(flat('ИТОГО К ВЫПЛАТЕ'));
    expect(ivanov.text).toContain(flat(money(48000))); // 30 000 + 3 % × 600 000
    expect(ivanov.text).toContain(flat(`3 % × ${money(600000)} = ${money(18000)}`)); // the explanation
    expect(ivanov.text).toContain(flat('ЗК-1'));
  });

  it('shows hostile client names as text: no script runs, no element or link is made', async () => {
    const ivanov = await render(sent[0].htmlBody!);
    expect(ivanov.scripts).toBe(0);
    expect(ivanov.links).toBe(0);
    expect(ivanov.events).toEqual([]); // alert("x") never ran
    expect(ivanov.text).toContain(flat(SCRIPT_CLIENT));
    expect(ivanov.text).toContain(flat(FORMULA_CLIENT));
  });

  it('holds one manager: no other manager\'s name, total or deal', async () => {
    const totals: Record<string, number> = { [IVANOV]: 48000, [PETROV]: 86000, [SIDOROVA]: 45000 };
    const deals: Record<string, string[]> = { [IVANOV]: ['ЗК-1', 'ЗК-2'], [PETROV]: ['ЗК-3'], [SIDOROVA]: ['ЗК-4'] };
    const managers = [IVANOV, PETROV, SIDOROVA];
    for (const [i, manager] of managers.entries()) {
      const seen = await render(sent[i].htmlBody!);
      expect(seen.text).toContain(flat(manager));
      expect(seen.text).toContain(flat(money(totals[manager])));
      for (const other of managers.filter((m) => m !== manager)) {
        for (const piece of [other, other.split(' ')[0], money(totals[other]), ...deals[other]]) {
          expect(seen.text, `${manager}'s e-mail shows ${piece}`).not.toContain(piece);
          expect(sent[i].htmlBody!, `${manager}'s e-mail holds ${piece}`).not.toContain(piece);
          expect(sent[i].body + sent[i].subject).not.toContain(piece);
        }
      }
    }
  });
});

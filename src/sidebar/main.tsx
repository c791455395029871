/**
 * The sidebar client (HtmlService, one inline page). The server appends
 * `<script>window.__KPI__ = { panel, lang }</script>` after this bundle, so the page reads it once
 * the document is parsed.
 */
import { render } from 'preact';
import { App, type PanelName } from './App';
import type { Lang } from './i18n';

declare global {
  interface Window {
    __KPI__?: { panel?: string; lang?: string };
  }
}

function start(): void {
  const config = window.__KPI__ ?? {};
  const panel: PanelName = config.panel === 'earnings' || config.panel === 'simulate' ? config.panel : 'schemes';
  const lang: Lang = config.lang === 'en' ? 'en' : 'ru';
  document.documentElement.lang = lang;
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  render(<App panel={panel} lang={lang} />, root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

/** The sidebar shell: three panels behind tabs; the menu item picks the first one shown. */
import { useState } from 'preact/hooks';
import { EarningsPanel } from './panels/Earnings';
import { SimulatePanel } from './panels/Simulate';
import { SchemesPanel } from './panels/Schemes';
import { t, type Lang } from './i18n';

export type PanelName = 'schemes' | 'earnings' | 'simulate';
const PANELS: readonly PanelName[] = ['schemes', 'earnings', 'simulate'];

export function App(props: { panel: PanelName; lang: Lang }) {
  const { lang } = props;
  const [panel, setPanel] = useState<PanelName>(props.panel);
  return (
    <div class="app">
      <nav class="tabs" role="tablist">
        {PANELS.map((p) => (
          <button
            type="button"
            role="tab"
            class={p === panel ? 'tab active' : 'tab'}
            aria-selected={p === panel}
            data-panel={p}
            onClick={() => setPanel(p)}
          >
            {t(lang, `sb.tab.${p}`)}
          </button>
        ))}
      </nav>
      <main>
        {panel === 'schemes' && <SchemesPanel lang={lang} />}
        {panel === 'earnings' && <EarningsPanel lang={lang} />}
        {panel === 'simulate' && <SimulatePanel lang={lang} />}
      </main>
    </div>
  );
}

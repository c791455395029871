/**
 * *Simulate scheme…* (SPEC §6, seeds 000/002): pick one or two schemes, a range of past months and
 * optionally some managers; see per period the payroll, margin, share of margin and over-limit
 * warnings, per-manager totals side by side with the difference, how often each tier or bonus was
 * reached; and write the result as a tab. Text only through Preact's escaping.
 */
import { useEffect, useState } from 'preact/hooks';
import { currencySymbol, formatMoney, formatPercent } from '../../core/moneyText';
import type { SimulationJson } from '../../core/simulate';
import type { SimulationSetup } from '../../workbook/earningsRun';
import { callServer } from '../server';
import { formatAmount, hasMessage, t, type Lang } from '../i18n';

/** A figure and its caption on one line that never breaks inside the figure (300 px sidebar). */
function Figure(props: { label: string; value: string; title?: string; bad?: boolean; testid?: string }) {
  return (
    <div class={props.bad ? 'figure bad' : 'figure'} title={props.title} data-testid={props.testid}>
      <span class="figure-label">{props.label}</span>
      <span class="figure-value">{props.value}</span>
    </div>
  );
}

export function SimulatePanel(props: { lang: Lang }) {
  const { lang } = props;
  const [setup, setSetup] = useState<SimulationSetup | null>(null);
  const [scheme1, setScheme1] = useState('');
  const [scheme2, setScheme2] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [managers, setManagers] = useState<string[]>([]);
  const [result, setResult] = useState<SimulationJson | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  useEffect(() => {
    callServer('simulationSetup')
      .then((s) => {
        setSetup(s);
        setScheme1(s.schemes[0] ?? '');
        setFrom(s.from);
        setTo(s.to);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const schemes = () => [scheme1, scheme2].filter((s) => s !== '');
  const group = () => (managers.length > 0 ? managers : null);

  const run = () => {
    setBusy(true);
    setError(null);
    setWritten(null);
    callServer('simulate', schemes(), from, to, group())
      .then(setResult)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  const writeTab = () => {
    setBusy(true);
    setError(null);
    callServer('writeSimulationTab', schemes(), from, to, group())
      .then((r) => {
        setResult(r.simulation);
        setWritten(r.tab);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  const currency = result?.currency ?? setup?.currency ?? 'RUB';
  // the sidebar is 300 px wide: whole units, the currency once above the tables; exact figures in the tooltip and the tab
  const money = (n: number | null) => (n === null ? '—' : formatAmount(n, lang));
  const exact = (n: number | null) => (n === null ? undefined : formatMoney(n, lang, currency));
  const pct = (n: number | null) => (n === null ? '—' : formatPercent(n, lang));
  // scheme 2 − scheme 1, back to kopecks first so float noise cannot tip the whole-unit rounding
  const difference = (first: number | null | undefined, second: number | null | undefined) => money(Math.round(((second ?? 0) - (first ?? 0)) * 100) / 100);
  const two = (result?.schemes.length ?? 0) === 2;
  const ruleName = (rule: string) => {
    const key = `earnings.rule.${rule}`;
    return hasMessage(key) ? t(lang, key) : rule;
  };

  /** One manager's totals under each scheme, and the difference: stacked, never a wide table. */
  const ManagerFigures = (mp: { name: string; totals: (number | null)[] }) => (
    <div class="card manager" data-manager={mp.name}>
      <div class="card-head"><strong>{mp.name}</strong></div>
      {mp.totals.map((v, i) => <Figure label={result!.schemes[i]} value={money(v)} title={exact(v)} testid="sim-manager-total" />)}
      {two && <Figure label={t(lang, 'simulate.difference')} value={difference(mp.totals[0], mp.totals[1])} testid="sim-difference" />}
    </div>
  );

  return (
    <section class="simulate" data-testid="simulate">
      <h2>{t(lang, 'simulate.title')}</h2>
      {setup && setup.schemes.length === 0 && <p class="status error">{t(lang, 'simulate.needScheme')}</p>}
      <div class="stack">
        <div class="field">
          <label for="sim-scheme1">{t(lang, 'simulate.scheme1')}</label>
          <select id="sim-scheme1" data-testid="sim-scheme1" value={scheme1} onChange={(ev) => setScheme1((ev.currentTarget as HTMLSelectElement).value)}>
            {(setup?.schemes ?? []).map((s) => <option value={s}>{s}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="sim-scheme2">{t(lang, 'simulate.scheme2')}</label>
          <select id="sim-scheme2" data-testid="sim-scheme2" value={scheme2} onChange={(ev) => setScheme2((ev.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t(lang, 'simulate.none')}</option>
            {(setup?.schemes ?? []).filter((s) => s !== scheme1).map((s) => <option value={s}>{s}</option>)}
          </select>
        </div>
        <div class="fields">
        <div class="field">
          <label for="sim-from">{t(lang, 'simulate.from')}</label>
          <input id="sim-from" data-testid="sim-from" type="month" style={{ width: '100%', boxSizing: 'border-box' }} value={from} onChange={(ev) => setFrom((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="sim-to">{t(lang, 'simulate.to')}</label>
          <input id="sim-to" data-testid="sim-to" type="month" style={{ width: '100%', boxSizing: 'border-box' }} value={to} onChange={(ev) => setTo((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        </div>
        <fieldset class="field checks" data-testid="sim-managers">
          <legend>{t(lang, 'simulate.managers')}</legend>
          {(setup?.managers ?? []).map((m) => (
            <label class="check-row">
              <input
                type="checkbox"
                value={m}
                checked={managers.includes(m)}
                onChange={(ev) => {
                  const on = (ev.currentTarget as HTMLInputElement).checked;
                  setManagers((list) => (on ? [...list, m] : list.filter((x) => x !== m)));
                }}
              />{' '}
              {m}
            </label>
          ))}
        </fieldset>
      </div>
      {setup?.invalid_schemes.length ? <p class="help">{setup.invalid_schemes.map((s) => t(lang, 'simulate.invalidScheme', { scheme: s })).join(' ')}</p> : null}
      <div class="actions">
        <button type="button" data-testid="sim-run" disabled={busy || scheme1 === ''} onClick={run}>{t(lang, 'simulate.run')}</button>{' '}
        <button type="button" data-testid="sim-write" disabled={busy || result === null} onClick={writeTab}>{t(lang, 'simulate.writeTab')}</button>
        {busy && <span class="muted"> {t(lang, 'simulate.running')}</span>}
      </div>
      {error && <p class="status error" data-testid="sim-error">{error}</p>}
      {written && <p class="status ok" data-testid="sim-written">{t(lang, 'simulate.written', { name: written })}</p>}

      {result && (
        <div data-testid="sim-result">
          {result.warnings.length > 0 && (
            <ul class="issues" data-testid="sim-warnings">
              {result.warnings.map((w) => <li class="issue">{w}</li>)}
            </ul>
          )}
          <p class="help">{t(lang, 'simulate.amountsIn', { currency: currencySymbol(currency) })}</p>
          <h3>{t(lang, 'simulate.perPeriod')}</h3>
          <div class="cards" data-testid="sim-periods">
            {[...result.periods.map((p) => ({ key: p.period, rows: result.schemes.map((s) => p.schemes.find((x) => x.scheme === s) ?? null) })), { key: null, rows: result.totals }].map(({ key, rows }) => (
              <div class={key === null ? 'card total' : 'card'} data-period={key ?? undefined} data-testid={key === null ? 'sim-total' : undefined}>
                <div class="card-head">
                  <strong>{key ?? t(lang, 'simulate.total')}</strong>
                  <span class="muted">{t(lang, 'simulate.margin')}: <span class="figure-value">{money(rows[0]?.margin ?? null)}</span></span>
                </div>
                {rows.map((r, i) => (
                  <div class="scheme-figures" data-scheme={result.schemes[i]}>
                    <div class="scheme-label">{result.schemes[i]}</div>
                    <Figure
                      label={t(lang, 'simulate.payroll')}
                      value={money(r?.payroll ?? null)}
                      title={[exact(r?.payroll ?? null), r && 'over_limit' in r && r.over_limit ? t(lang, 'simulate.overLimitShort') : ''].filter(Boolean).join(' · ')}
                      bad={!!(r && 'over_limit' in r && r.over_limit)}
                      testid="sim-payroll"
                    />
                    <Figure label={t(lang, 'simulate.share')} value={pct(r?.share ?? null) + (r && 'over_limit' in r && r.over_limit ? ' ⚠' : '')} bad={!!(r && 'over_limit' in r && r.over_limit)} />
                  </div>
                ))}
                {two && <Figure label={t(lang, 'simulate.differenceOf', { second: result.schemes[1], first: result.schemes[0] })} value={difference(rows[0]?.payroll, rows[1]?.payroll)} testid="sim-difference" />}
              </div>
            ))}
          </div>

          <h3>{t(lang, 'simulate.detail')}</h3>
          {result.periods.map((p) => {
            const names = [...new Set(p.schemes.flatMap((s) => s.managers.map((m) => m.manager)))];
            const totalOf = (scheme: string, name: string) => p.schemes.find((x) => x.scheme === scheme)?.managers.find((m) => m.manager === name)?.total ?? null;
            return (
              <details data-testid="sim-detail" data-period={p.period}>
                <summary>{p.period}</summary>
                {names.map((name) => (
                  <ManagerFigures name={name} totals={result.schemes.map((s) => totalOf(s, name))} />
                ))}
              </details>
            );
          })}

          <h3>{t(lang, 'simulate.perManager')}</h3>
          <div data-testid="sim-managers-table">
            {result.manager_totals.map((m) => <ManagerFigures name={m.manager} totals={m.totals} />)}
          </div>

          {result.reach.length > 0 && (
            <>
              <h3>{t(lang, 'simulate.reach')}</h3>
              <ul class="plain" data-testid="sim-reach">
                {result.reach.map((r) => (
                  <li>
                    <Figure
                      label={`${two ? `${r.scheme}: ` : ''}${ruleName(r.rule)}, ${r.level === null ? t(lang, 'simulate.paid') : typeof r.level === 'number' ? (r.level < 1 && r.level > -1 ? pct(r.level) : exact(r.level)) : r.level}`}
                      value={t(lang, 'simulate.reachTimes', { count: r.count })}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.issues.length > 0 && <p class="help">{t(lang, 'simulate.issues', { count: result.issues.length })}</p>}
        </div>
      )}
    </section>
  );
}

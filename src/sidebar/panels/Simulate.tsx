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

const cell = { padding: '2px 3px', textAlign: 'right' as const, whiteSpace: 'nowrap' as const, verticalAlign: 'top' as const };
const first = { ...cell, textAlign: 'left' as const, whiteSpace: 'normal' as const, minWidth: '56px' };
const table = { borderCollapse: 'collapse' as const, width: '100%', fontSize: '11px' };
const head = { ...cell, whiteSpace: 'normal' as const, overflowWrap: 'anywhere' as const, fontWeight: 'normal' as const, color: '#5f6368' };
const scroller = { overflowX: 'auto' as const, margin: '4px 0 10px' };

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

  return (
    <section class="simulate" data-testid="simulate">
      <h2>{t(lang, 'simulate.title')}</h2>
      {setup && setup.schemes.length === 0 && <p class="status error">{t(lang, 'simulate.needScheme')}</p>}
      <div class="fields">
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
        <div class="field">
          <label for="sim-from">{t(lang, 'simulate.from')}</label>
          <input id="sim-from" data-testid="sim-from" type="month" style={{ width: '100%', boxSizing: 'border-box' }} value={from} onChange={(ev) => setFrom((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="sim-to">{t(lang, 'simulate.to')}</label>
          <input id="sim-to" data-testid="sim-to" type="month" style={{ width: '100%', boxSizing: 'border-box' }} value={to} onChange={(ev) => setTo((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field" style={{ gridColumn: '1 / -1' }}>
          <label for="sim-managers">{t(lang, 'simulate.managers')}</label>
          <select
            id="sim-managers"
            data-testid="sim-managers"
            multiple
            size={Math.min(5, Math.max(2, setup?.managers.length ?? 2))}
            style={{ width: '100%' }}
            onChange={(ev) => setManagers(Array.from((ev.currentTarget as HTMLSelectElement).selectedOptions, (o) => o.value))}
          >
            {(setup?.managers ?? []).map((m) => <option value={m} selected={managers.includes(m)}>{m}</option>)}
          </select>
        </div>
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
          <div style={scroller}>
          <table style={table} data-testid="sim-periods">
            <thead>
              <tr>
                <th style={first}>{t(lang, 'simulate.period')}</th>
                <th style={head}>{t(lang, 'simulate.margin')}</th>
                {result.schemes.map((s) => <th style={head}>{s}</th>)}
                {two && <th style={head}>{t(lang, 'simulate.difference')}</th>}
              </tr>
            </thead>
            <tbody>
              {result.periods.map((p) => {
                const rows = result.schemes.map((s) => p.schemes.find((x) => x.scheme === s) ?? null);
                return (
                  <tr data-period={p.period}>
                    <td style={first}>{p.period}</td>
                    <td style={cell}>{money(rows[0]?.margin ?? null)}</td>
                    {rows.map((r) => (
                      <td style={{ ...cell, color: r?.over_limit ? '#d93025' : undefined }} title={[exact(r?.payroll ?? null), r?.over_limit ? t(lang, 'simulate.overLimitShort') : ''].filter(Boolean).join(' · ')}>
                        {money(r?.payroll ?? null)}
                        <br />
                        <span class="muted">{pct(r?.share ?? null)}{r?.over_limit ? ' ⚠' : ''}</span>
                        {r?.revenue_share != null && <><br /><span class="muted revenue-share">{pct(r.revenue_share)} {t(lang, 'simulate.revenueShareShort')}</span></>}
                        {r?.fund_factor != null && <><br /><span class="fund-binds" style={{ color: '#d93025' }}>{t(lang, 'simulate.fundBindsShort', { factor: pct(r.fund_factor) })}</span></>}
                      </td>
                    ))}
                    {two && <td style={cell}>{difference(rows[0]?.payroll, rows[1]?.payroll)}</td>}
                  </tr>
                );
              })}
              <tr style={{ fontWeight: 'bold' }}>
                <td style={first}>{t(lang, 'simulate.total')}</td>
                <td style={cell}>{money(result.totals[0]?.margin ?? null)}</td>
                {result.totals.map((x) => (
                  <td style={cell}>{money(x.payroll)}<br /><span class="muted">{pct(x.share)}</span></td>
                ))}
                {two && <td style={cell}>{difference(result.totals[0].payroll, result.totals[1].payroll)}</td>}
              </tr>
            </tbody>
          </table>
          </div>

          <h3>{t(lang, 'simulate.detail')}</h3>
          {result.periods.map((p) => {
            const names = [...new Set(p.schemes.flatMap((s) => s.managers.map((m) => m.manager)))];
            const totalOf = (scheme: string, name: string) => p.schemes.find((x) => x.scheme === scheme)?.managers.find((m) => m.manager === name)?.total ?? null;
            return (
              <details data-testid="sim-detail" data-period={p.period}>
                <summary>{p.period}</summary>
                <div style={scroller}>
                  <table style={table}>
                    <tbody>
                      {names.map((name) => {
                        const totals = result.schemes.map((s) => totalOf(s, name));
                        return (
                          <tr>
                            <td style={first}>{name}</td>
                            {totals.map((v) => <td style={cell} title={exact(v)}>{money(v)}</td>)}
                            {two && <td style={cell}>{difference(totals[0], totals[1])}</td>}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </details>
            );
          })}

          <h3>{t(lang, 'simulate.perManager')}</h3>
          <div style={scroller}>
          <table style={table} data-testid="sim-managers-table">
            <thead>
              <tr>
                <th style={first}>{t(lang, 'simulate.manager')}</th>
                {result.schemes.map((s) => <th style={head}>{s}</th>)}
                {two && <th style={head}>{t(lang, 'simulate.difference')}</th>}
              </tr>
            </thead>
            <tbody>
              {result.manager_totals.map((m) => (
                <tr>
                  <td style={first}>{m.manager}</td>
                  {m.totals.map((v) => <td style={cell} title={exact(v)}>{money(v)}</td>)}
                  {two && <td style={cell}>{money(m.difference)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          </div>

          {result.reach.length > 0 && (
            <>
              <h3>{t(lang, 'simulate.reach')}</h3>
              <table style={table} data-testid="sim-reach">
                <thead>
                  <tr>
                    <th style={first}>{t(lang, 'simulate.reachRule')}</th>
                    <th style={head}>{t(lang, 'simulate.reachLevel')}</th>
                    <th style={head}>{t(lang, 'simulate.reachCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.reach.map((r) => (
                    <tr>
                      <td style={first}>{two ? `${r.scheme}: ` : ''}{ruleName(r.rule)}</td>
                      <td style={cell}>{r.level === null ? t(lang, 'simulate.paid') : typeof r.level === 'number' ? (r.level < 1 && r.level > -1 ? pct(r.level) : exact(r.level)) : r.level}</td>
                      <td style={cell}>{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {result.issues.length > 0 && <p class="help">{t(lang, 'simulate.issues', { count: result.issues.length })}</p>}
        </div>
      )}
    </section>
  );
}

/**
 * *My earnings* (SPEC §6, seed 003): the current period so far for one manager — the big total,
 * each rule's line, attainment bars, what the next tier or bonus needs and pays, and the deals.
 * The manager is the user (e-mail mapping on the server) or picked from a list. Text only through
 * Preact's escaping: values from the sheet never become markup.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatMoney, formatPercent } from '../../core/moneyText';
import type { MyEarningsResult } from '../../workbook/earningsRun';
import { callServer } from '../server';
import { t, type Lang } from '../i18n';

const bar = { height: '8px', background: '#eceff1', borderRadius: '4px', overflow: 'hidden', margin: '2px 0 6px' };
const cell = { padding: '2px 4px 2px 0', verticalAlign: 'top' };

export function EarningsPanel(props: { lang: Lang }) {
  const { lang } = props;
  const [result, setResult] = useState<MyEarningsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [manager, setManager] = useState<string>('');
  const [asOf, setAsOf] = useState<string>('');

  const load = (who: string, day: string) => {
    setLoading(true);
    setError(null);
    callServer('myEarnings', who === '' ? null : who, day === '' ? null : day)
      .then((r) => {
        setResult(r);
        if (day === '') setAsOf(r.as_of);
        if (r.manager) setManager(r.manager);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  };

  useEffect(() => load('', ''), []);

  const e = result?.earnings ?? null;
  const currency = e?.currency ?? result?.currency ?? 'RUB';
  const money = (n: number) => formatMoney(n, lang, currency);
  const choices = result?.manager_choices ?? [];

  return (
    <section class="earnings" data-testid="earnings">
      <h2>{t(lang, 'earnings.title')}</h2>
      <div class="fields">
        <div class="field">
          <label for="earnings-manager">{t(lang, 'earnings.pickManager')}</label>
          <select
            id="earnings-manager"
            data-testid="earnings-manager"
            value={manager}
            disabled={result?.via === 'email' && choices.length <= 1}
            onChange={(ev) => {
              const who = (ev.currentTarget as HTMLSelectElement).value;
              setManager(who);
              if (who !== '') load(who, asOf);
            }}
          >
            <option value="">—</option>
            {choices.map((m) => <option value={m}>{m}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="earnings-asof">{t(lang, 'earnings.asOf')}</label>
          <input
            id="earnings-asof"
            type="date"
            data-testid="earnings-asof"
            value={asOf}
            onChange={(ev) => {
              const day = (ev.currentTarget as HTMLInputElement).value;
              setAsOf(day);
              load(manager, day);
            }}
          />
        </div>
      </div>
      <div class="actions">
        <button type="button" data-testid="earnings-refresh" disabled={loading} onClick={() => load(manager, asOf)}>
          {t(lang, 'earnings.refresh')}
        </button>
        {loading && <span class="muted"> {t(lang, 'earnings.loading')}</span>}
      </div>
      {error && <p class="status error" data-testid="earnings-error">{error}</p>}
      {result && !e && result.message && <p class="help" data-testid="earnings-message">{result.message}</p>}
      {e && (
        <div data-testid="earnings-result">
          <p class="muted">
            {e.manager} · {t(lang, 'earnings.periodToDate', { period: e.period, asOf: e.as_of })} · {t(lang, 'earnings.scheme', { scheme: e.scheme })}
          </p>
          <div class="muted">{t(lang, 'earnings.total')}</div>
          <div data-testid="earnings-total" style={{ fontSize: '28px', fontWeight: 'bold', margin: '2px 0 4px' }}>{money(e.total)}</div>
          <div class="muted" style={{ fontSize: '12px' }}>
            {t(lang, 'earnings.salary')}: {money(e.salary)} · {t(lang, 'earnings.variable')}: {money(e.variable)}
            {e.kpi_coefficient !== null && <> · {t(lang, 'earnings.kpi')}: {e.kpi_coefficient.toFixed(4)}</>}
          </div>

          {e.next.length > 0 && (
            <ul class="issues" data-testid="earnings-next" style={{ margin: '8px 0' }}>
              {e.next.map((n) => <li class="check good" style={{ margin: '2px 0' }}>{n.text}</li>)}
            </ul>
          )}

          {e.attainment.length > 0 && (
            <div data-testid="earnings-attainment">
              <h3>{t(lang, 'earnings.attainment')}</h3>
              {e.attainment.map((a) => {
                const pct = a.attainment ?? 0;
                return (
                  <div>
                    <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: '12px' }}>
                      <span>{a.label}</span>
                      <span>{a.attainment === null ? '—' : formatPercent(a.attainment, lang)}</span>
                    </div>
                    <div style={bar} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct * 100)}>
                      <div style={{ width: `${Math.max(0, Math.min(100, pct * 100))}%`, height: '100%', background: pct >= 1 ? '#188038' : '#1a73e8' }} />
                    </div>
                  </div>
                );
              })}
            </div>
          )}

          <h3>{t(lang, 'earnings.lines')}</h3>
          <ul class="issues" data-testid="earnings-lines">
            {e.lines.map((l) => (
              <li class="rule" data-rule={l.rule}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: '6px' }}>
                  <strong>{l.label}</strong>
                  <span>{money(l.amount)}</span>
                </div>
                <div class="help">{l.explanation}</div>
                {l.next && <div class="muted" style={{ fontSize: '12px' }}>→ {l.next.text}</div>}
              </li>
            ))}
          </ul>
          {e.notes.length > 0 && <ul class="issues">{e.notes.map((n) => <li class="issue">{n}</li>)}</ul>}

          <h3>{t(lang, 'earnings.deals', { count: e.deals.length })}</h3>
          {e.deals.length === 0 ? (
            <p class="muted">{t(lang, 'earnings.noDeals')}</p>
          ) : (
            <table data-testid="earnings-deals" style={{ borderCollapse: 'collapse', width: '100%', fontSize: '12px' }}>
              <thead>
                <tr>
                  <th style={cell}>{t(lang, 'earnings.col.date')}</th>
                  <th style={cell}>{t(lang, 'earnings.col.client')}</th>
                  <th style={{ ...cell, textAlign: 'right' }}>{t(lang, 'earnings.col.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {e.deals.map((d) => (
                  <tr title={`${d.sheet}, ${t(lang, 'earnings.col.row')} ${d.row}`}>
                    <td style={cell}>{d.date}</td>
                    <td style={{ ...cell, overflowWrap: 'anywhere' }}>{d.client ?? ''}{d.status !== 'won' ? ` (${t(lang, d.status === 'lost' ? 'earnings.status.lost' : 'earnings.status.cancelled')})` : ''}</td>
                    <td style={{ ...cell, textAlign: 'right', whiteSpace: 'nowrap' }}>{money(d.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

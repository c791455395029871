/**
 * The scheme wizard (SPEC §6 *Schemes…*): the schemes in the sheet, the seeds' templates, a rule
 * form validated as you type by the engine (on the server, debounced), the payout curve of a
 * sample manager, and saving to the Schemes sheet.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RuleDraft, RuleKind } from '../../core/templates';
import type { CheckIssue, CurvePoint, SchemeSummary, SidebarContext } from '../../sheets/sidebarServer';
import { RuleCard, Issues } from '../components/RuleCard';
import { PayoutChart } from '../components/PayoutChart';
import { MappingSection } from '../components/MappingSection';
import { callServer } from '../server';
import { t, type Lang } from '../i18n';
import { nameKey } from '../../core/ownership';

interface EditedRule {
  id: number;
  draft: RuleDraft;
}

interface Editing {
  name: string;
  rules: EditedRule[];
  /** The name it was loaded under (null: new): saving under it replaces those rows. */
  loadedAs: string | null;
  /** The name and rules as last loaded or saved: anything else is unsaved work. */
  saved: string;
}

const snapshot = (name: string, rules: EditedRule[]) => JSON.stringify([name, rules.map((r) => r.draft)]);

let nextId = 1;
const withIds = (drafts: RuleDraft[]): EditedRule[] => drafts.map((draft) => ({ id: nextId++, draft: { ...draft } }));

function emptyDraft(rule: RuleKind): RuleDraft {
  return { rule, metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '' };
}

/** The sample manager's plan: what 100 % means for each metric. */
const SAMPLE_DEFAULTS: Record<string, number> = {
  revenue: 1_000_000, margin: 300_000, paid_revenue: 1_000_000, paid_margin: 300_000, deals: 10, new_clients: 5,
};

function sampleMetrics(rules: EditedRule[]): string[] {
  const used = new Set(['revenue', 'deals', 'new_clients']);
  for (const { draft } of rules) {
    if (draft.rule !== 'kpi' && draft.metric.trim() !== '' && SAMPLE_DEFAULTS[draft.metric] !== undefined) used.add(draft.metric);
  }
  return Object.keys(SAMPLE_DEFAULTS).filter((m) => used.has(m));
}

const DEBOUNCE_MS = 300;

export function SchemesPanel(props: { lang: Lang }) {
  const { lang } = props;
  const [ctx, setCtx] = useState<SidebarContext | null>(null);
  const [schemes, setSchemes] = useState<SchemeSummary[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [issues, setIssues] = useState<CheckIssue[]>([]);
  /** A check is pending: the previous messages stay beside their fields meanwhile (no flicker). */
  const [checking, setChecking] = useState(true);
  const [points, setPoints] = useState<CurvePoint[]>([]);
  const [sample, setSample] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(SAMPLE_DEFAULTS).map(([k, v]) => [k, String(v)])),
  );
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A question asked in the page (a sidebar iframe may not show window.confirm). */
  const [asking, setAsking] = useState<{ question: string; yes: () => void } | null>(null);
  const generation = useRef(0);
  /** SPEC §14: filter clauses from the workbook's own Deals values, offered in each rule's filter field. */
  const [filterOptions, setFilterOptions] = useState<string[]>([]);

  const fail = (e: Error) => setStatus({ kind: 'error', text: t(lang, 'sb.error', { message: e.message }) });
  const refreshList = () => callServer('listSchemes').then(setSchemes).catch(fail);

  useEffect(() => {
    callServer('getSidebarContext').then(setCtx).catch(fail);
    refreshList();
    // Only a help: when Deals cannot be read the field is still free text.
    callServer('filterSuggestions').then(setFilterOptions).catch(() => setFilterOptions([]));
  }, []);

  // Validate and redraw as the owner types: one call pair per pause, stale answers dropped.
  useEffect(() => {
    if (!editing) return;
    const mine = ++generation.current;
    setChecking(true);
    const timer = setTimeout(() => {
      const drafts = editing.rules.map((r) => r.draft);
      const plan: Record<string, number> = {};
      for (const m of sampleMetrics(editing.rules)) {
        const n = Number(String(sample[m] ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.'));
        if (Number.isFinite(n) && n > 0) plan[m] = n;
      }
      Promise.all([callServer('validateScheme', editing.name, drafts), callServer('previewCurve', drafts, plan)])
        .then(([check, curve]) => {
          if (mine !== generation.current) return;
          setIssues(check.issues);
          setChecking(false);
          setPoints(curve.ok ? curve.points : []);
        })
        .catch((e: Error) => mine === generation.current && fail(e));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editing, sample]);

  const openNow = (name: string) => {
    setStatus(null);
    callServer('getScheme', name)
      .then((s) => {
        setPoints([]);
        setIssues([]);
        const rules = withIds(s.drafts);
        setEditing({ name: s.name, rules, loadedAs: s.name, saved: snapshot(s.name, rules) });
      })
      .catch(fail);
  };

  const startNow = (drafts: RuleDraft[], name: string) => {
    setStatus(null);
    setPoints([]);
    setIssues([]);
    setEditing({ name, rules: withIds(drafts), loadedAs: null, saved: '' });
  };

  /** Unsaved edits are not dropped silently: leaving them is asked first. */
  const unsaved = editing !== null && snapshot(editing.name, editing.rules) !== editing.saved;
  const leaveEditor = (then: () => void) => {
    if (unsaved) setAsking({ question: t(lang, 'sb.editor.discard'), yes: then });
    else then();
  };
  const open = (name: string) => leaveEditor(() => openNow(name));
  const startFrom = (drafts: RuleDraft[], name: string) => leaveEditor(() => startNow(drafts, name));
  const close = () => leaveEditor(() => setEditing(null));

  const remove = (name: string) => {
    setStatus(null);
    setAsking({
      question: t(lang, 'sb.list.deleteConfirm', { name }),
      yes: () =>
        callServer('deleteScheme', name)
          .then((r) => {
            setStatus({ kind: 'ok', text: r.message });
            if (editing?.loadedAs === name) setEditing({ ...editing, loadedAs: null });
            refreshList();
          })
          .catch(fail),
    });
  };

  const update = (rules: EditedRule[]) => editing && setEditing({ ...editing, rules });

  const save = () => {
    if (!editing) return;
    const key = nameKey;
    const exists = schemes.some((s) => key(s.name) === key(editing.name));
    const sameAsLoaded = editing.loadedAs !== null && key(editing.loadedAs) === key(editing.name);
    if (exists && !sameAsLoaded) setAsking({ question: t(lang, 'sb.save.overwrite', { name: editing.name }), yes: () => write(editing, true) });
    else write(editing, false);
  };

  // The server refuses a name that reads as another scheme's (`Партнерская` / `Партнёрская`) unless confirmed: ask, then save with confirm.
  const write = (scheme: Editing, confirm: boolean) => {
    setBusy(true);
    setStatus(null);
    callServer('saveScheme', scheme.name, scheme.rules.map((r) => r.draft), confirm)
      .then((r) => {
        if (r.collision && !confirm) {
          setAsking({ question: r.message, yes: () => write(scheme, true) });
          return;
        }
        setStatus({ kind: r.saved ? 'ok' : 'error', text: r.message });
        setIssues(r.issues);
        if (r.saved) {
          setEditing((current) => (current ? { ...current, loadedAs: scheme.name, saved: snapshot(scheme.name, scheme.rules) } : current));
          refreshList();
        }
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };

  if (!ctx) return <p class="muted">{status ? status.text : t(lang, 'sb.loading')}</p>;

  return (
    <div class="panel schemes">
      <section class="scheme-list">
        <h2>{t(lang, 'sb.list.title', { sheet: ctx.schemesSheet })}</h2>
        {schemes.length === 0 ? (
          <p class="muted">{t(lang, 'sb.list.none')}</p>
        ) : (
          <ul>
            {schemes.map((s) => (
              <li class="scheme-item" data-scheme={s.name}>
                <span class="scheme-name">{s.name}</span>
                {s.problems > 0 && <span class="badge bad" title={t(lang, 'sb.check.problems', { n: s.problems })}>{s.problems}</span>}
                <button type="button" class="link" onClick={() => open(s.name)}>{t(lang, 'sb.list.edit')}</button>
                <button type="button" class="link danger" onClick={() => remove(s.name)}>{t(lang, 'sb.list.delete')}</button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="templates">
        <h2>{t(lang, 'sb.new.title')}</h2>
        {ctx.templates.map((tpl) => (
          <div class="template" data-template={tpl.id}>
            <div>
              <strong>{tpl.name}</strong>
              <p class="help">{tpl.description}</p>
            </div>
            <button type="button" class="secondary" onClick={() => startFrom(tpl.rules, tpl.name)}>{t(lang, 'sb.new.use')}</button>
          </div>
        ))}
        <div class="template" data-template="blank">
          <div>
            <strong>{t(lang, 'sb.new.blank')}</strong>
            <p class="help">{t(lang, 'sb.new.blankDescription')}</p>
          </div>
          <button type="button" class="secondary" onClick={() => startFrom([emptyDraft('salary')], '')}>{t(lang, 'sb.new.use')}</button>
        </div>
      </section>

      {editing && (
        <section class="editor">
          <div class="editor-head">
            <h2>{t(lang, 'sb.editor.title')}</h2>
            <button type="button" class="link" onClick={close}>{t(lang, 'sb.editor.close')}</button>
          </div>
          <div class="field field-scheme" data-field="scheme">
            <label for="scheme-name">{t(lang, 'sb.editor.name')}</label>
            <input id="scheme-name" type="text" value={editing.name} onInput={(e) => setEditing({ ...editing, name: (e.currentTarget as HTMLInputElement).value })} />
            <p class="help">{t(lang, 'sb.editor.nameHelp')}</p>
            <Issues issues={issues.filter((i) => i.rule === null)} />
          </div>

          <h3>{t(lang, 'sb.editor.rules')}</h3>
          {editing.rules.map((r, i) => (
            <RuleCard
              key={r.id}
              id={r.id}
              lang={lang}
              index={i}
              count={editing.rules.length}
              draft={r.draft}
              issues={issues.filter((x) => x.rule === i)}
              metrics={ctx.metrics}
              filterOptions={filterOptions}
              onChange={(draft) => update(editing.rules.map((x) => (x.id === r.id ? { ...x, draft } : x)))}
              onMove={(delta) => {
                const next = [...editing.rules];
                const j = i + delta;
                [next[i], next[j]] = [next[j], next[i]];
                update(next);
              }}
              onRemove={() => update(editing.rules.filter((x) => x.id !== r.id))}
            />
          ))}
          <button type="button" class="secondary add-rule" onClick={() => update([...editing.rules, { id: nextId++, draft: emptyDraft('percent') }])}>
            {t(lang, 'sb.editor.addRule')}
          </button>

          <p class={checking ? 'check muted' : issues.length ? 'check bad' : 'check good'} aria-live="polite">
            {checking ? t(lang, 'sb.check.checking') : issues.length ? t(lang, 'sb.check.problems', { n: issues.length }) : t(lang, 'sb.check.ok')}
          </p>

          <section class="preview">
            <h3>{t(lang, 'sb.chart.title')}</h3>
            {points.length > 0 ? <PayoutChart lang={lang} currency={ctx.currency} points={points} /> : <p class="muted">{t(lang, 'sb.chart.invalid')}</p>}
            <fieldset class="sample">
              <legend>{t(lang, 'sb.sample.title')}</legend>
              {sampleMetrics(editing.rules).map((m) => (
                <label data-metric={m}>
                  <span>{ctx.metrics.find((x) => x.id === m)?.label ?? m}</span>
                  <input type="text" inputMode="decimal" value={sample[m] ?? ''} onInput={(e) => setSample({ ...sample, [m]: (e.currentTarget as HTMLInputElement).value })} />
                </label>
              ))}
            </fieldset>
          </section>

          <div class="actions">
            <button type="button" class="primary save" disabled={busy} onClick={save}>
              {busy ? t(lang, 'sb.save.saving') : t(lang, 'sb.save')}
            </button>
          </div>
        </section>
      )}
      {asking && (
        <div class="confirm" role="alertdialog">
          <p>{asking.question}</p>
          <button type="button" class="primary yes" onClick={() => { const { yes } = asking; setAsking(null); yes(); }}>{t(lang, 'sb.confirm.yes')}</button>{' '}
          <button type="button" class="secondary no" onClick={() => setAsking(null)}>{t(lang, 'sb.confirm.no')}</button>
        </div>
      )}
      {status && <p class={`status ${status.kind}`} role="status">{status.text}</p>}

      <MappingSection lang={lang} />
    </div>
  );
}

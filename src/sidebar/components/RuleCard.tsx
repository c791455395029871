/**
 * One rule of the scheme as a form: the rule type (with the seeds' one-line help), only the fields
 * that type uses, tier tables as rows, and the engine's messages beside the field at fault.
 */
import { useState } from 'preact/hooks';
import type { RuleDraft, RuleKind, SchemeColumn } from '../../core/templates';
import type { CheckIssue } from '../../sheets/sidebarServer';
import { isPercentField, percentShown, percentTyped, RULE_FIELDS, RULE_KIND_LIST, textToTiers, tiersToText, type TierRowDraft } from '../ruleForm';
import { hasMessage, t, type Lang, type MessageKey } from '../i18n';

type Field = keyof Omit<RuleDraft, 'rule'>;

export interface MetricOption {
  id: string;
  label: string;
}

function fieldLabel(lang: Lang, kind: RuleKind, field: Field): string {
  const specific = `sb.field.${kind}.${field}`;
  const label = t(lang, hasMessage(specific) ? specific : (`sb.field.${field}` as MessageKey));
  return isPercentField(kind, field) ? `${label}, %` : label;
}

/** Example values as placeholders, per rule type where the meaning differs (a count, a share, a K). */
const PLACEHOLDERS: Partial<Record<RuleKind, Partial<Record<Field, string>>>> = {
  salary: { amount: '30000' },
  percent: { rate: '3', threshold: '100' },
  tiers: { cap: '100000' },
  plan_bonus: { amount: '20000', threshold: '100' },
  deal_bonus: { amount: '2000', threshold: '5' },
  new_client_bonus: { amount: '3000' },
  client_turnover: { rate: '3', months: '12' },
  partner_price: { threshold: '5' },
  kpi: { rate: '0.4', threshold: '30%', cap: '1.2' },
  kpi_gate: { threshold: '0.5' },
  limit: { rate: '15', amount: '100000' },
  team_override: { rate: '1' },
  guarantee: { amount: '40000', months: '3' },
  company_limit: { rate: '40', amount: '1000000' },
};

/** A placeholder that reads as an example, never as a value: «напр. 0,4» / "e.g. 0.4" (decimal comma in Russian). */
function examplePlaceholder(lang: Lang, kind: RuleKind, field: Field): string {
  const example = PLACEHOLDERS[kind]?.[field];
  if (!example) return '';
  return t(lang, 'sb.example', { value: lang === 'ru' ? example.replace(/(\d)\.(\d)/, '$1,$2') : example });
}

/** Another rule type keeps the cells the new type uses (and the comment); the others would be hidden yet saved. */
function changeKind(draft: RuleDraft, kind: RuleKind): RuleDraft {
  const next: RuleDraft = { rule: kind, metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: draft.comment, filter: '' };
  for (const field of RULE_FIELDS[kind]) next[field] = draft[field] ?? '';
  return next;
}

export function Issues(props: { issues: CheckIssue[] }) {
  if (props.issues.length === 0) return null;
  return (
    <ul class="issues">
      {props.issues.map((i) => (
        <li class="issue" data-field={i.field ?? ''}>{i.message}</li>
      ))}
    </ul>
  );
}

export function RuleCard(props: {
  lang: Lang;
  /** Stable across reorders: ties each label to its input. */
  id: number;
  index: number;
  count: number;
  draft: RuleDraft;
  issues: CheckIssue[];
  metrics: MetricOption[];
  /** Filter clauses built from the workbook's own column values (`категория = Арматура`), offered in the filter field. */
  filterOptions?: string[];
  onChange: (draft: RuleDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { lang, index, count, draft, issues } = props;
  const known = RULE_KIND_LIST.includes(draft.rule);
  const fields: Field[] = known ? [...RULE_FIELDS[draft.rule]] : [];
  const at = (field: SchemeColumn | null) => issues.filter((i) => i.field === field);
  const shown = new Set<string>(['rule', 'comment', ...fields]);
  const elsewhere = issues.filter((i) => i.field === null || !shown.has(i.field));
  const set = (field: Field, value: string) => props.onChange({ ...draft, [field]: value });

  return (
    <section class={issues.length ? 'rule has-issues' : 'rule'} data-rule-index={index}>
      <div class="rule-head">
        <span class="rule-number">{t(lang, 'sb.rule.number', { n: index + 1 })}</span>
        <select
          class="rule-kind"
          aria-label={t(lang, 'sb.rule.type')}
          value={known ? draft.rule : ''}
          onChange={(e) => props.onChange(changeKind(draft, (e.currentTarget as HTMLSelectElement).value as RuleKind))}
        >
          {!known && <option value="">{t(lang, 'sb.rule.unknown', { word: draft.rule })}</option>}
          {RULE_KIND_LIST.map((k) => (
            <option value={k}>{t(lang, `sb.kind.${k}` as MessageKey)}</option>
          ))}
        </select>
        <span class="rule-buttons">
          <button type="button" class="icon" title={t(lang, 'sb.rule.up')} aria-label={t(lang, 'sb.rule.up')} disabled={index === 0} onClick={() => props.onMove(-1)}>↑</button>
          <button type="button" class="icon" title={t(lang, 'sb.rule.down')} aria-label={t(lang, 'sb.rule.down')} disabled={index === count - 1} onClick={() => props.onMove(1)}>↓</button>
          <button type="button" class="icon remove" title={t(lang, 'sb.rule.remove')} aria-label={t(lang, 'sb.rule.remove')} onClick={props.onRemove}>×</button>
        </span>
      </div>
      {known && <p class="help">{t(lang, `sb.help.${draft.rule}` as MessageKey)}</p>}
      <Issues issues={at('rule')} />
      <div class="fields">
        {fields.map((field) => (
          <div class={`field field-${field}`} data-field={field}>
            <label for={field === 'tiers' ? undefined : `r${props.id}-${field}`}>{fieldLabel(lang, draft.rule, field)}</label>
            {field === 'metric' ? (
              <MetricInput id={`r${props.id}-metric`} lang={lang} value={draft.metric} metrics={props.metrics} onChange={(v) => set('metric', v)} />
            ) : field === 'tiers' ? (
              <TierTable lang={lang} text={draft.tiers} onChange={(v) => set('tiers', v)} />
            ) : field === 'mode' ? (
              <select id={`r${props.id}-mode`} value={draft.mode === 'marginal' ? 'marginal' : draft.mode === 'subsequent' ? 'subsequent' : draft.mode === '' || draft.mode === 'whole' ? 'whole' : draft.mode} onChange={(e) => set('mode', (e.currentTarget as HTMLSelectElement).value)}>
                <option value="whole">{t(lang, 'sb.mode.whole')}</option>
                {draft.rule === 'client_turnover'
                  ? <option value="subsequent">{t(lang, 'sb.mode.subsequent')}</option>
                  : <option value="marginal">{t(lang, 'sb.mode.marginal')}</option>}
                {draft.mode !== '' && draft.mode !== 'whole' && draft.mode !== 'marginal' && draft.mode !== 'subsequent' && <option value={draft.mode}>{draft.mode}</option>}
              </select>
            ) : field === 'filter' ? (
              <FilterInput id={`r${props.id}-filter`} lang={lang} value={draft.filter ?? ''} options={props.filterOptions ?? []} onChange={(v) => set('filter', v)} />
            ) : isPercentField(draft.rule, field) ? (
              <PercentInput id={`r${props.id}-${field}`} value={draft[field]} placeholder={examplePlaceholder(lang, draft.rule, field)} onChange={(v) => set(field, v)} />
            ) : (
              <input id={`r${props.id}-${field}`} type="text" value={draft[field]} placeholder={examplePlaceholder(lang, draft.rule, field)} onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)} />
            )}
            <Issues issues={at(field)} />
          </div>
        ))}
        <div class="field field-comment" data-field="comment">
          <label for={`r${props.id}-comment`}>{t(lang, 'sb.field.comment')}</label>
          <input id={`r${props.id}-comment`} type="text" value={draft.comment} onInput={(e) => set('comment', (e.currentTarget as HTMLInputElement).value)} />
          <Issues issues={at('comment')} />
        </div>
      </div>
      <Issues issues={elsewhere.filter((i) => i.field !== 'rule' && i.field !== 'comment')} />
    </section>
  );
}

/**
 * The filter field (SPEC §14): free text, with the workbook's own values offered as whole clauses;
 * picking one while a clause is typed joins it with «и» / «and».
 */
function FilterInput(props: { id: string; lang: Lang; value: string; options: string[]; onChange: (v: string) => void }) {
  const { lang, value, options } = props;
  const joiner = lang === 'ru' ? ' и ' : ' and ';
  return (
    <span class="filter">
      <input id={props.id} type="text" class="filter-text" value={value} placeholder={t(lang, 'sb.filter.hint')} onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value)} />
      {options.length > 0 && (
        <select class="filter-options" aria-label={t(lang, 'sb.field.filter')} value="" onChange={(e) => {
          const picked = (e.currentTarget as HTMLSelectElement).value;
          if (picked !== '') props.onChange(value.trim() === '' ? picked : value.trim() + joiner + picked);
        }}>
          <option value="">…</option>
          {options.map((o) => <option value={o}>{o}</option>)}
        </select>
      )}
    </span>
  );
}

/** A rate or attainment typed in percents: `10` is 10 % and is kept as `10%` (SPEC §10.2). */
function PercentInput(props: { id: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  const [typed, setTyped] = useState(() => percentShown(props.value));
  // The draft changed from outside (a template, a reload): show it.
  const shown = percentTyped(typed) === props.value.trim() ? typed : percentShown(props.value);
  return (
    <span class="percent">
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        class="percent-input"
        value={shown}
        placeholder={props.placeholder}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setTyped(text);
          props.onChange(percentTyped(text));
        }}
      />
      <span class="percent-sign">%</span>
    </span>
  );
}

const OTHER = '__other__';

function MetricInput(props: { id: string; lang: Lang; value: string; metrics: MetricOption[]; onChange: (v: string) => void }) {
  const { lang, value, metrics } = props;
  const isKnown = value === '' || metrics.some((m) => m.id === value);
  const [other, setOther] = useState(!isKnown);
  const selectValue = other || !isKnown ? OTHER : value;
  return (
    <span class="metric">
      <select
        id={props.id}
        value={selectValue}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          if (v === OTHER) {
            setOther(true);
            props.onChange('');
          } else {
            setOther(false);
            props.onChange(v);
          }
        }}
      >
        <option value="">{t(lang, 'sb.metric.choose')}</option>
        {metrics.map((m) => (
          <option value={m.id}>{m.label}</option>
        ))}
        <option value={OTHER}>{t(lang, 'sb.metric.other')}</option>
      </select>
      {selectValue === OTHER && (
        <input type="text" class="metric-other" placeholder={t(lang, 'sb.metric.otherName')} value={value} onInput={(e) => props.onChange((e.currentTarget as HTMLInputElement).value)} />
      )}
    </span>
  );
}

/** Tier rows (threshold, value) edited as a table; the draft keeps the `0%:3%; 100%:5%` text. */
function TierTable(props: { lang: Lang; text: string; onChange: (text: string) => void }) {
  const { lang } = props;
  const [rows, setRows] = useState<TierRowDraft[]>(() => textToTiers(props.text));
  const [lastText, setLastText] = useState(props.text);
  // The text changed from outside (another template, a reload): the rows follow it.
  if (props.text !== lastText && props.text !== tiersToText(rows)) {
    setLastText(props.text);
    setRows(textToTiers(props.text));
  }
  const update = (next: TierRowDraft[]) => {
    setRows(next);
    const text = tiersToText(next);
    setLastText(text);
    props.onChange(text);
  };
  return (
    <div class="tiers">
      <table>
        <thead hidden={rows.length === 0}>
          <tr>
            <th>{t(lang, 'sb.tiers.threshold')}</th>
            <th>{t(lang, 'sb.tiers.value')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr data-tier-index={i}>
              <td>
                <input type="text" class="tier-threshold" value={row.threshold} onInput={(e) => update(rows.map((r, k) => (k === i ? { ...r, threshold: (e.currentTarget as HTMLInputElement).value } : r)))} />
              </td>
              <td>
                <input type="text" class="tier-value" value={row.value} onInput={(e) => update(rows.map((r, k) => (k === i ? { ...r, value: (e.currentTarget as HTMLInputElement).value } : r)))} />
              </td>
              <td>
                <button type="button" class="icon remove" title={t(lang, 'sb.tiers.remove')} aria-label={t(lang, 'sb.tiers.remove')} onClick={() => update(rows.filter((_, k) => k !== i))}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="link add-tier" onClick={() => update([...rows, { threshold: '', value: '' }])}>{t(lang, 'sb.tiers.add')}</button>
      <code class="tiers-text">{props.text}</code>
    </div>
  );
}

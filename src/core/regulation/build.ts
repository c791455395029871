/**
 * The motivation regulation's document model (SPEC §13), built from one scheme and the workbook it
 * lives in: the period (`period`, else the latest Plans period naming the scheme), the managers on
 * it, each pay component in plain words, how and when pay is computed, worked examples paid by the
 * engine for the typical plan at 80 %, 100 % and 120 %, the achievability evidence from Simulate,
 * the version and the acknowledgement table. Pure: both renderers draw this.
 */
import { Dec, dec } from '../decimal';
import { formatK } from '../explain';
import { KpiUserError } from '../issues';
import { indexDeals, ManagerFacts } from '../metrics';
import type { ManagerPayout, PayoutInput } from '../model';
import { currencySymbol, type Lang } from '../money';
import { displayName } from '../ownership';
import { parsePeriod, periodKey, periodStart, type Period } from '../periods';
import { computePayouts } from '../payout';
import { parseSchemes, schemeKey, validateSchemeRows, type Rule, type Scheme } from '../schemes';
import { componentName, describeRule, type RuleDescription } from './describe';
import type { RegulationBlock, RegulationDocument, RegulationSection, RegulationTable, WorkedExample } from './document';
import { gatherEvidence, type Evidence } from './evidence';
import { RegulationFormat } from './format';
import { PARTNER_DIFFERENCE, schemeMetrics, schemePlanRows, typicalInput, typicalValues, type TypicalValues } from './typical';
import { schemeVersion } from './version';

export interface RegulationRequest {
  scheme: string;
  /** `YYYY-MM` / `YYYY-Qn`; blank → the latest Plans period naming the scheme. */
  period?: string | null;
  lang: Lang;
  currency: string;
}

/** The worked examples' shares of the typical plan. */
export const EXAMPLE_SHARES = ['0.8', '1', '1.2'] as const;

const TYPICAL_MANAGER = 'typical';

/** A worked example and, when the engine withheld it, why. */
type Example = WorkedExample & { reason: string };

/** The valid scheme the owner named; a KpiUserError naming the choices otherwise. */
export function resolveRegulationScheme(input: PayoutInput, name: string, lang: Lang): Scheme {
  const parsed = parseSchemes(input.schemeRows, lang);
  const names = [...parsed.schemes.values()].map((s) => s.name).join(', ') || '—';
  const wanted = String(name ?? '').trim();
  if (wanted === '') throw new KpiUserError(new RegulationFormat(lang, '').t('reg.needScheme', { schemes: names }));
  const key = schemeKey(wanted);
  const scheme = parsed.schemes.get(key);
  if (scheme) return scheme;
  const f = new RegulationFormat(lang, '');
  if (parsed.invalid.has(key)) {
    const rows = input.schemeRows.filter((r) => schemeKey(String(r.scheme ?? '')) === key);
    const issues = validateSchemeRows(rows, lang).issues.map((i) => i.message).join('; ');
    throw new KpiUserError(f.t('reg.invalidScheme', { scheme: wanted, issues }));
  }
  throw new KpiUserError(f.t('reg.unknownScheme', { scheme: wanted, schemes: names }));
}

/** The period asked for, else the latest Plans period naming the scheme (a month before a quarter starting the same day). */
export function regulationPeriod(input: PayoutInput, scheme: Scheme, text: string | null | undefined, lang: Lang): Period {
  const f = new RegulationFormat(lang, '');
  if (text !== null && text !== undefined && String(text).trim() !== '') {
    const p = parsePeriod(String(text));
    if (!p) throw new KpiUserError(f.t('reg.badPeriod', { value: String(text) }));
    return p;
  }
  const key = schemeKey(scheme.name);
  let best: Period | null = null;
  for (const row of input.plans) {
    if (schemeKey(String(row.scheme ?? '')) !== key) continue;
    const later = best === null || periodStart(row.period) > periodStart(best) || (periodStart(row.period) === periodStart(best) && row.period.kind === 'month');
    if (later) best = row.period;
  }
  if (!best) throw new KpiUserError(f.t('reg.noPlans', { scheme: scheme.name }));
  return best;
}

/**
 * @example buildRegulation(read.input, { scheme: 'Оклад + % + бонусы', lang: 'ru', currency: 'RUB' }).sections[2].blocks
 */
export function buildRegulation(input: PayoutInput, req: RegulationRequest): RegulationDocument {
  const { lang, currency } = req;
  const f = new RegulationFormat(lang, currency);
  const scheme = resolveRegulationScheme(input, req.scheme, lang);
  const period = regulationPeriod(input, scheme, req.period, lang);
  const pk = periodKey(period);
  const planRows = schemePlanRows(input, schemeKey(scheme.name), period, schemeKey);
  const managers = planRows.map((r) => displayName(r.manager));
  // The pay conditions: the scheme's own rules and the company fund of scheme `*`, which binds every scheme (SPEC §14).
  const conditions: Scheme = { ...scheme, rules: [...scheme.rules, ...companyRules(input, scheme, lang)] };
  const version = schemeVersion(conditions);
  const effectiveDate = periodStart(period);
  const evidence = gatherEvidence(input, scheme.name, managers, period, { lang, currency });
  const typical = typicalValues(input, scheme, planRows, managers, evidence.window);
  const schemeRows = input.schemeRows.filter((r) => schemeKey(String(r.scheme ?? '')) === schemeKey(scheme.name));
  const examples: Example[] = EXAMPLE_SHARES.map((s) => {
    const share = dec(s);
    const synthetic = typicalInput(input, scheme, schemeRows, typical, period, share, TYPICAL_MANAGER);
    const run = computePayouts(synthetic, period, { lang, currency, managers: [TYPICAL_MANAGER] });
    return { share, input: synthetic, payout: run.managers[0] ?? null, reason: run.issues[0]?.message ?? '' };
  });

  const described = conditions.rules.map((rule) => ({ rule, d: describeRule(rule, f) }));
  const components = componentsSection(3, described, f);
  const sections: RegulationSection[] = [
    generalSection(1, scheme, pk, managers, version, effectiveDate, f),
    termsSection(2, conditions, period, described, components.kClause, f),
    components.section,
    procedureSection(4, conditions, period, f),
    examplesSection(5, scheme, pk, typical, examples, conditions.rules.some((r) => r.kind === 'company_limit'), f),
    evidenceSection(6, scheme, pk, typical, evidence, f),
    finalSection(7, version, effectiveDate, f),
    acknowledgementSection(8, version, managers, f),
  ];
  return {
    lang, currency, scheme: scheme.name, period: pk, version, effectiveDate, managers,
    approval: [f.t('reg.approve'), f.t('reg.approveBy'), f.t('reg.approveDate')], title: f.t('reg.title'), subtitle: f.t('reg.subtitle', { scheme: scheme.name }),
    versionLine: f.t('reg.versionLine', { version, date: f.date(effectiveDate) }),
    sections, examples: examples.map(({ share, input: i, payout }) => ({ share, input: i, payout })),
  };
}

/** The company fund's rules (scheme `*`, when valid) that bind a regulation's scheme; none for `*` itself. */
function companyRules(input: PayoutInput, scheme: Scheme, lang: Lang): Rule[] {
  const company = schemeKey('*');
  if (schemeKey(scheme.name) === company) return [];
  return parseSchemes(input.schemeRows, lang).schemes.get(company)?.rules ?? [];
}

/** Numbers clauses `n.1`, `n.2`, … as they are added. */
class SectionBuilder {
  readonly blocks: RegulationBlock[] = [];
  private clauses = 0;
  constructor(readonly number: number, readonly title: string) {}
  clause(text: string): string {
    this.clauses += 1;
    const number = `${this.number}.${this.clauses}.`;
    this.blocks.push({ kind: 'clause', number, text });
    return number;
  }
  table(table: RegulationTable): void {
    this.blocks.push({ kind: 'table', table });
  }
  done(): RegulationSection {
    return { number: this.number, title: this.title, blocks: this.blocks };
  }
}

function generalSection(n: number, scheme: Scheme, pk: string, managers: string[], version: string, effective: string, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.general'));
  s.clause(f.t('reg.general.purpose'));
  s.clause(managers.length > 0 ? f.t('reg.general.scope', { scheme: scheme.name, period: pk, managers: managers.join(', ') }) : f.t('reg.general.scopeNone', { scheme: scheme.name }));
  s.clause(f.t('reg.general.contract'));
  s.clause(f.t('reg.general.version', { version, date: f.date(effective) }));
  return s.done();
}

function componentsSection(n: number, described: { rule: Rule; d: RuleDescription }[], f: RegulationFormat): { section: RegulationSection; kClause: string | null } {
  const s = new SectionBuilder(n, f.t('reg.s.components'));
  s.clause(f.t('reg.components.intro'));
  let kClause: string | null = null;
  const kpiRows = described.filter((x) => x.d.kpiRow).map((x) => x.d.kpiRow as string[]);
  for (const { d } of described) {
    if (d.kpiRow) {
      if (kClause !== null) continue;
      kClause = s.clause(f.t('reg.c.kpi'));
      s.table({ header: [f.t('reg.t.indicator'), f.t('reg.t.target'), f.t('reg.t.weight'), f.t('reg.t.cap')], rows: kpiRows, widths: [3, 2, 1, 1] });
      continue;
    }
    if (d.text) s.clause(d.text);
    if (d.table) s.table(d.table);
  }
  return { section: s.done(), kClause };
}

function termsSection(n: number, scheme: Scheme, period: Period, described: { d: RuleDescription }[], kClause: string | null, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.terms'));
  const line = (term: string, definition: string) => s.clause(f.t('reg.termLine', { term, definition }));
  line(f.t('reg.term.employee'), f.t('reg.def.employee'));
  line(f.t('reg.term.period'), f.t(period.kind === 'quarter' ? 'reg.def.period.quarter' : 'reg.def.period.month'));
  const terms = new Set(described.flatMap((x) => x.d.terms));
  const metrics = [...new Set(['revenue', ...described.flatMap((x) => x.d.metrics)])];
  line(f.t('reg.term.deal'), f.t('reg.def.deal'));
  line(f.t('reg.term.plan'), f.t('reg.def.plan'));
  line(f.t('reg.term.attainment'), f.t('reg.def.attainment'));
  if (scheme.rules.some((r) => r.kind === 'salary')) line(f.t('reg.term.salary'), f.t('reg.def.salary'));
  line(f.t('reg.term.variable'), f.t('reg.def.variable'));
  for (const metric of metrics) line(f.term(metric, 'nom'), f.definition(metric));
  if (terms.has('client') || terms.has('newClient')) line(f.t('reg.term.client'), f.t('reg.def.client'));
  if (terms.has('newClient')) line(f.t('reg.term.newClient'), f.t('reg.def.newClient'));
  if (terms.has('partnerPrice')) line(f.t('reg.term.partnerPrice'), f.t('reg.def.partnerPrice'));
  if (kClause !== null) line(f.t('reg.term.k'), f.t('reg.def.k', { clause: kClause.replace(/\.$/, '') }));
  return s.done();
}

function procedureSection(n: number, scheme: Scheme, period: Period, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.procedure'));
  const metrics = schemeMetrics(scheme);
  s.clause(f.t(period.kind === 'quarter' ? 'reg.p.period.quarter' : 'reg.p.period.month'));
  s.clause(f.t(metrics.includes('margin') ? 'reg.p.booked' : 'reg.p.bookedRevenue'));
  if (metrics.some((m) => m === 'paid_revenue' || m === 'paid_margin' || m === 'collection')) s.clause(f.t('reg.p.paid'));
  s.clause(f.t('reg.p.returns'));
  const has = (kind: Rule['kind']) => scheme.rules.some((r) => r.kind === kind);
  s.clause(f.t('reg.p.order', {
    kpi: has('kpi') ? f.t('reg.p.orderK') : '',
    gate: has('kpi_gate') ? f.t('reg.p.orderGate') : '',
    limit: has('limit') ? f.t('reg.p.orderLimit') : '',
    fund: has('company_limit') ? f.t('reg.p.orderFund') : '',
    guarantee: has('guarantee') ? f.t('reg.p.orderGuarantee') : '',
  }));
  s.clause(f.t('reg.p.rounding', { currency: currencySymbol(f.currency) }));
  s.clause(f.t('reg.p.floor'));
  s.clause(f.t('reg.p.closing'));
  s.clause(f.t('reg.p.trueUp'));
  s.clause(f.t('reg.p.statement'));
  return s.done();
}

/** Which rule made each line-making statement line: salary lines first, then the variable rules, in scheme order (ARCHITECTURE: statement lines). */
function lineRules(scheme: Scheme): Rule[] {
  const lineMaking = scheme.rules.filter((r) => r.kind !== 'kpi' && r.kind !== 'kpi_gate' && r.kind !== 'limit');
  return [...lineMaking.filter((r) => r.kind === 'salary'), ...lineMaking.filter((r) => r.kind !== 'salary')];
}

const ADJUSTMENTS = [['kpi', 'reg.e.applyK'], ['kpi_gate', 'reg.e.applyGate'], ['limit', 'reg.e.applyLimit']] as const;

function examplesSection(n: number, scheme: Scheme, pk: string, typical: TypicalValues, examples: Example[], fund: boolean, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.examples'));
  const used = schemeMetrics(scheme);
  const planText = Object.entries(typical.plan).filter(([m]) => used.includes(m)).map(([m, v]) => `${f.term(m, 'nom')} ${f.value(m, v)}`).join(', ');
  const fromResults = typical.fromResults.filter((m) => m !== PARTNER_DIFFERENCE || typical.base.has(m));
  const values = fromResults.map((m) => (m === PARTNER_DIFFERENCE ? `${f.t('reg.e.partnerDifference')} ${f.money(typical.base.get(m) as Dec)}` : `${f.term(m, 'nom')} ${f.value(m, typical.base.get(m) as Dec)}`)).join(', ');
  let others = values !== '' ? f.t('reg.e.others', { values }) : '';
  if (scheme.rules.some((r) => r.kind === 'kpi' && r.target !== null && !(r.metric in typical.plan))) others += f.t('reg.e.targets');
  s.clause(planText !== '' ? f.t('reg.e.intro', { period: pk, plan: planText, others }) : f.t('reg.e.introNoPlan', { others }));

  const header = [f.t('reg.e.item'), ...examples.map((e) => f.t('reg.e.column', { share: f.percent(e.share) }))];
  const rows: string[][] = [];
  const cell = (fn: (p: ManagerPayout) => string) => examples.map((e) => (e.payout ? fn(e.payout) : f.t('reg.e.withheld', { reason: e.reason })));
  // the indicators as the engine found them in each example
  const factsOf = examples.map((e) => new ManagerFacts(indexDeals(e.input), TYPICAL_MANAGER, e.input.plans[0].period, f.lang));
  for (const metric of schemeMetrics(scheme)) {
    if (metric === PARTNER_DIFFERENCE) continue;
    const values = factsOf.map((facts) => facts.fact(metric).value);
    if (values.every((v) => v === null)) continue;
    rows.push([f.t('reg.e.fact', { term: f.term(metric, 'nom') }), ...values.map((v) => (v === null ? '—' : f.value(metric, v)))]);
  }
  // The guarantee's top-up comes after the adjustments (SPEC §14 order), so it is found by kind, not by place.
  const ruleOfLine = lineRules(scheme).filter((r) => r.kind !== 'guarantee');
  ruleOfLine.forEach((rule, i) => rows.push([componentName(rule, f), ...cell((p) => f.money(p.lines[i].amount))]));
  if (scheme.rules.some((r) => r.kind === 'kpi')) rows.push([f.t('reg.e.k'), ...cell((p) => (p.kpiCoefficient ? formatK(p.kpiCoefficient, f.lang) : '—'))]);
  for (const [kind, key] of ADJUSTMENTS) {
    if (!scheme.rules.some((r) => r.kind === kind)) continue;
    rows.push([f.t(key), ...cell((p) => {
      const lines = p.lines.slice(ruleOfLine.length).filter((l) => l.rule === kind);
      return lines.length === 0 ? '—' : f.money(lines.reduce((a, l) => a.plus(l.amount), new Dec(0)));
    })]);
  }
  const guarantee = scheme.rules.find((r) => r.kind === 'guarantee');
  if (guarantee) rows.push([componentName(guarantee, f), ...cell((p) => f.money(p.lines.find((l) => l.rule === 'guarantee')?.amount ?? new Dec(0)))]);
  rows.push([f.t('reg.e.variable'), ...cell((p) => f.money(p.variable))]);
  rows.push([f.t('reg.e.total'), ...cell((p) => f.money(p.total))]);
  s.table({ header, rows, widths: [3, 2, 2, 2] });
  // What one typical manager cannot show: a team, deal attributes, the whole company's fund.
  const unseen = ruleOfLine.filter((r) => r.kind === 'team_override' || (r.filter && r.filter.clauses.some((c) => c.attribute !== 'client')));
  if (unseen.length > 0) s.clause(f.t('reg.e.unseen', { names: unseen.map((r) => `«${componentName(r, f)}»`).join(', ') }));
  if (guarantee) s.clause(f.t('reg.e.guarantee'));
  if (fund) s.clause(f.t('reg.e.fund'));
  s.clause(f.t('reg.e.disclaimer'));
  return s.done();
}

function levelText(rule: Rule | undefined, level: Dec | string | null, f: RegulationFormat): string {
  if (level === null) return f.t('reg.v.levelAny');
  if (typeof level === 'string') {
    if (level.includes(';')) return f.t('reg.v.levelScale');
    const [a, b] = level.split(':');
    const part = (x: string, money: boolean) => (x.endsWith('%') ? f.percent(dec(x.slice(0, -1)).dividedBy(100)) : money ? f.money(dec(x)) : f.number(dec(x)));
    if (a === undefined || b === undefined) return level;
    return f.t('reg.v.tierStep', { threshold: part(a, false), value: part(b, true) });
  }
  const moneyKinds: Rule['kind'][] = ['plan_bonus', 'deal_bonus', 'new_client_bonus'];
  return rule && moneyKinds.includes(rule.kind) ? f.money(level) : f.percent(level);
}

function evidenceSection(n: number, scheme: Scheme, pk: string, typical: TypicalValues, ev: Evidence, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.evidence'));
  if (!ev.result || ev.count === 0) {
    s.clause(f.t('reg.v.none', { period: pk }));
    return s.done();
  }
  s.clause(f.t('reg.v.intro', { from: periodKey(ev.window[0]), to: periodKey(ev.window[ev.window.length - 1]), months: ev.window.length, count: ev.count }));
  const headline = 'revenue' in typical.plan ? 'revenue' : Object.keys(typical.plan)[0];
  if (headline && ev.withPlan > 0) {
    s.clause(f.t('reg.v.attained', { dat: f.term(headline, 'dat'), hit: ev.attained, count: ev.withPlan, share: f.percent(dec(ev.attained).dividedBy(ev.withPlan)) }));
  }
  if (ev.total && ev.variable) {
    s.clause(f.t('reg.v.pay', {
      median: f.money(ev.total.median), min: f.money(ev.total.min), max: f.money(ev.total.max),
      vmedian: f.money(ev.variable.median), vmin: f.money(ev.variable.min), vmax: f.money(ev.variable.max),
    }));
  }
  s.clause(f.t('reg.v.reachIntro'));
  const rows: string[][] = [];
  const share = (count: number) => f.percent(dec(count).dividedBy(ev.count));
  for (const rule of lineRules(scheme)) {
    if (rule.kind === 'salary') continue;
    const reached = ev.result.reach.filter((r) => r.rule === rule.kind);
    if (reached.length === 0) {
      if (!rows.some((r) => r[0] === componentName(rule, f))) rows.push([componentName(rule, f), '—', f.t('reg.v.neverPaid'), share(0)]);
      continue;
    }
    if (rows.some((r) => r[0] === componentName(rule, f))) continue; // two rules of one kind share the reach counts
    for (const r of reached) rows.push([componentName(rule, f), levelText(rule, r.level, f), String(r.count), share(r.count)]);
  }
  // how often the KPI threshold or a limit took pay away
  for (const [kind, key] of [['kpi_gate', 'reg.v.gateClosed'], ['limit', 'reg.v.limitCut']] as const) {
    const rule = scheme.rules.find((r) => r.kind === kind);
    if (!rule) continue;
    const count = ev.result.cuts.filter((c) => c.rule === kind).reduce((a, c) => a + c.count, 0);
    rows.push([componentName(rule, f), f.t(key), String(count), share(count)]);
  }
  s.table({ header: [f.t('reg.v.component'), f.t('reg.v.level'), f.t('reg.v.times'), f.t('reg.v.share')], rows, widths: [5, 3, 2, 2] });
  return s.done();
}

function finalSection(n: number, version: string, effective: string, f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.final'));
  s.clause(f.t('reg.f.force', { version, date: f.date(effective) }));
  s.clause(f.t('reg.f.changes'));
  s.clause(f.t('reg.f.disputes'));
  return s.done();
}

function acknowledgementSection(n: number, version: string, managers: string[], f: RegulationFormat): RegulationSection {
  const s = new SectionBuilder(n, f.t('reg.s.ack'));
  s.clause(f.t('reg.a.intro', { version }));
  const rows = managers.map((m, i) => [String(i + 1), m, '', '']);
  for (let i = 0; i < 3; i++) rows.push([String(managers.length + i + 1), '', '', '']);
  s.table({ header: [f.t('reg.a.no'), f.t('reg.a.employee'), f.t('reg.a.date'), f.t('reg.a.signature')], rows, widths: [1, 5, 2, 3] });
  return s.done();
}

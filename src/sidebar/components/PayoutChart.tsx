/**
 * What the scheme pays a sample manager from 0 % to 150 % of plan: a bar per point, salary
 * stacked under the variable part, with the total as a line, so a cliff between tiers is a step
 * you can see. Inline SVG, no library.
 */
import type { CurvePoint } from '../../sheets/sidebarServer';
import { compactAmount, formatAmount, t, type Lang } from '../i18n';

const W = 300;
const H = 190;
const PAD = { left: 46, right: 8, top: 10, bottom: 34 };

/** A round step for the y axis: 1, 2 or 5 × 10ⁿ, so that about four ticks cover the top. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 4;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}

export function PayoutChart(props: { lang: Lang; currency: string; points: CurvePoint[] }) {
  const { lang, points } = props;
  if (points.length === 0) return null;
  const maxX = Math.max(150, ...points.map((p) => p.attainment));
  const top = Math.max(...points.map((p) => Math.max(p.total, p.salary + Math.max(p.variable, 0))), 1);
  const step = niceStep(top);
  const maxY = Math.ceil(top / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (a: number) => PAD.left + (a / maxX) * plotW;
  const y = (v: number) => PAD.top + plotH - (Math.max(v, 0) / maxY) * plotH;
  const barW = Math.max(2, (plotW / points.length) * 0.7);
  const ticksY: number[] = [];
  for (let v = 0; v <= maxY + step / 2; v += step) ticksY.push(v);
  const ticksX = [0, 50, 100, 150].filter((a) => a <= maxX);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.attainment).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const pct = (a: number) => (lang === 'ru' ? `${a} %` : `${a}%`);

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t(lang, 'sb.chart.title')}>
        {ticksY.map((v) => (
          <g class="tick-y">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 4} y={y(v) + 3} text-anchor="end">{compactAmount(v, lang)}</text>
          </g>
        ))}
        {ticksX.map((a) => (
          <text class="tick-x" x={x(a)} y={H - PAD.bottom + 12} text-anchor="middle">{pct(a)}</text>
        ))}
        <line x1={x(100)} x2={x(100)} y1={PAD.top} y2={PAD.top + plotH} class="plan-line" />
        {points.map((p) => {
          const cx = x(p.attainment) - barW / 2;
          const variable = Math.max(p.variable, 0);
          const title = t(lang, 'sb.chart.point', {
            attainment: pct(p.attainment), salary: formatAmount(p.salary, lang), variable: formatAmount(p.variable, lang), total: formatAmount(p.total, lang),
          });
          return (
            <g class="bar" data-attainment={p.attainment} data-total={p.total}>
              <title>{title}</title>
              <rect class="salary" x={cx.toFixed(1)} width={barW.toFixed(1)} y={y(p.salary).toFixed(1)} height={(y(0) - y(p.salary)).toFixed(1)} />
              <rect class="variable" x={cx.toFixed(1)} width={barW.toFixed(1)} y={y(p.salary + variable).toFixed(1)} height={(y(p.salary) - y(p.salary + variable)).toFixed(1)} />
            </g>
          );
        })}
        <path class="total" d={line} fill="none" />
        <text class="axis-title" x={PAD.left + plotW / 2} y={H - 4} text-anchor="middle">{t(lang, 'sb.chart.x')}</text>
        <text class="axis-title" x={10} y={PAD.top + plotH / 2} text-anchor="middle" transform={`rotate(-90 10 ${PAD.top + plotH / 2})`}>
          {t(lang, 'sb.chart.y', { currency: props.currency })}
        </text>
      </svg>
      <figcaption class="legend">
        <span class="key salary" /> {t(lang, 'sb.chart.salary')} <span class="key variable" /> {t(lang, 'sb.chart.variable')} <span class="key total" /> {t(lang, 'sb.chart.total')}
      </figcaption>
    </figure>
  );
}

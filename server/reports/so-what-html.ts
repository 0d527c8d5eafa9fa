// Page one as HTML: one row per indicator, grouped by Core20PLUS5 area, each cell a short verdict
// first (so the Board can read down a column) and the figures after it.
import { esc } from '../charts/html.ts';
import { englandOf } from '../../core/contracts/benchmarks.ts';
import { benchmarkUnit } from '../../core/text/benchmarks.ts';
import { formatInterval, formatPeriod, formatValue } from '../../core/text/format.ts';
import type { IndicatorSection } from './build.ts';
import { assuranceIcon, variationIcon } from './icons.ts';
import { byArea, type SoWhatLine } from './so-what.ts';

const VERDICT_CLASS: Record<string, string> = { worse: 'bad', better: 'good', widening: 'bad', narrowing: 'good', 'not-met': 'bad', met: 'good' };

/** "Worse for Core20: 10.2% against …" → <strong>Worse for Core20</strong>: 10.2% against … */
function cell(text: string, key: string, extra = ''): string {
  const at = text.indexOf(': ');
  const [head, tail] = at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
  return `<td class="${VERDICT_CLASS[key] ?? 'neutral'}">${extra}<strong>${esc(head)}</strong>${tail ? `: ${esc(tail)}` : ''}</td>`;
}

/** The summary's benchmark cell: the verdict against England, and England's figure or why not compared. */
function englandCell(s: IndicatorSection): string {
  const england = englandOf(s.benchmarks);
  if (!england) return '<span class="icon-none">No England figure loaded</span>';
  const unit = benchmarkUnit(england, s.metric);
  const interval = england.lower !== null && england.upper !== null ? ` (95% CI ${formatInterval(england.lower, england.upper, unit)})` : '';
  const figure = england.value === null ? 'no value published' : `England ${formatValue(england.value, unit)}${interval}, ${england.period}`;
  const verdict = england.comparison === 'not compared' ? 'Not compared' : england.comparison[0].toUpperCase() + england.comparison.slice(1);
  const detail = england.comparison === 'not compared' ? `${figure}; ${england.reason ?? ''}` : figure;
  return `<strong data-comparison="${esc(england.comparison)}">${esc(verdict)}</strong><br><span class="key">${esc(detail)}</span>`;
}

function row(s: IndicatorSection): string {
  const l: SoWhatLine = s.line;
  if (s.notComputable) {
    return `<tr class="line not-computable" data-metric="${esc(s.metric.id)}"><th scope="row"><a href="#${esc(s.metric.id)}">${esc(s.metric.title)}</a><br><span class="key">${esc(formatPeriod(s.period))}</span></th><td colspan="5"><strong>Not computable</strong> from the data loaded (see the indicator's page).</td></tr>`;
  }
  const value = s.overall.suppressed ? 'suppressed' : formatValue(s.overall.value, s.metric);
  // A series too coarse for SPC shows no variation icon: the words beside it say why.
  const variation = l.spc.coarse ? '<span class="icon-none">SPC cannot tell</span>' : variationIcon(l.spc.variation);
  const icons = `<span class="icons">${variation}${l.spc.assurance ? assuranceIcon(l.spc.assurance) : ''}</span>`;
  return `<tr class="line" data-metric="${esc(s.metric.id)}"><th scope="row"><a href="#${esc(s.metric.id)}">${esc(s.metric.title)}</a><br><span class="key">${esc(value)} · ${esc(formatPeriod(s.period))}</span></th>${cell(l.core20.text, l.core20.verdict)}${cell(l.gap.text, l.gap.direction)}<td class="spc">${icons}<span class="signals">${esc(l.spc.text)}</span></td>${cell(l.completeness.text, l.completeness.status)}<td class="england">${englandCell(s)}</td></tr>`;
}

export function soWhatTable(sections: IndicatorSection[]): string {
  const groups = byArea(sections)
    .map((g) => `<tbody><tr class="area"><th colspan="6" scope="colgroup">${esc(g.area)}</th></tr>${g.items.map(row).join('')}</tbody>`)
    .join('');
  return `<table class="so-what">
<thead><tr><th scope="col">Indicator</th><th scope="col">Core20 against the rest</th><th scope="col">Deprivation gap over the window</th><th scope="col">Variation, assurance and signals</th><th scope="col">Ethnicity recording</th><th scope="col">Compared with England</th></tr></thead>${groups}</table>
<p class="key">Core20 is the most deprived fifth of areas in England (IMD quintile 1), the rest are quintiles 2–5; a difference is claimed only where the 95% intervals do not overlap. The gap is IMD quintile 1 minus quintile 5, month by month; it is called widening or narrowing only where statistical process control finds a special cause, and the latest signal says which. Icons follow NHS England’s Making Data Count: ~ common cause, H / L special cause high or low (blue improvement, orange concern, purple neither); P, F and ? say whether the target is consistently met, consistently missed or hit and miss. Ethnicity recording is the indicator’s dataset over the latest 12 months, against the local target. Compared with England: the trust’s 95% interval against England’s published value for the same period, as OHID Fingertips compares areas; not compared where the periods or definitions differ.</p>`;
}

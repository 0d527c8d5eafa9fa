// A small hand-drawn SVG of two values with their intervals on one scale, for the overview
// tiles (no chart library needed on the first page). The scale comes from core/charts/strip-scale
// (from 0, or zoomed to the figures when 0 would hide them); every tick is labelled, so a zoom is
// never hidden, and the legend beside the strip says what the dashed line is.
import { colours } from '../../../core/charts/palette.ts';
import type { StripScale } from '../../../core/charts/strip-scale.ts';

export interface StripItem {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  colour: string;
}

export function IntervalStrip({ items, reference, title, describedBy, scale, format }: {
  items: StripItem[];
  reference?: number | null;
  title: string;
  /** The id of the legend beside the strip (what the dashed line is, whether the axis is zoomed). */
  describedBy?: string;
  /** The indicator's one axis (core/charts/strip-scale.ts). */
  scale: StripScale;
  format: (v: number) => string;
}) {
  const { min, max, ticks } = scale;
  const width = 280;
  const pad = 10;
  const x = (v: number) => pad + ((v - min) / (max - min)) * (width - pad * 2);
  const rowH = 16;
  const axisY = items.length * rowH + 4;
  const height = axisY + 16;
  return (
    <svg className="interval-strip" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} aria-describedby={describedBy}>
      <line x1={pad} x2={width - pad} y1={axisY} y2={axisY} stroke={colours.border} strokeWidth="1" />
      {ticks.map((v, i) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={axisY} y2={axisY + 3} stroke={colours.border} />
          <text x={x(v)} y={axisY + 13} fontSize="10" textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'} fill={colours.secondaryText}>
            {format(v)}
          </text>
        </g>
      ))}
      {reference !== null && reference !== undefined && (
        <line x1={x(reference)} x2={x(reference)} y1={0} y2={axisY} stroke={colours.text} strokeDasharray="3 3" strokeWidth="1" />
      )}
      {items.map((item, i) => {
        const cy = i * rowH + rowH / 2 + 1;
        return (
          <g key={item.label}>
            {item.lower !== null && item.upper !== null && (
              <line x1={x(item.lower)} x2={x(item.upper)} y1={cy} y2={cy} stroke={item.colour === colours.concern ? colours.concernDark : item.colour} strokeWidth="3" strokeLinecap="round" />
            )}
            {item.value !== null && <circle cx={x(item.value)} cy={cy} r="5" fill={item.colour} stroke={colours.text} strokeWidth="1" />}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The strip's legend, beside it: what the dots, lines and dashed line are, and whether the axis is
 * zoomed. Plain text for screen readers (the strip points to it with aria-describedby); the small
 * drawings repeat the strip's marks for sighted readers and are hidden from assistive technology.
 */
export function StripLegend({ id, reference, zoom }: { id: string; reference: string | null; zoom: string | null }) {
  return (
    <ul className="strip-legend" id={id}>
      <li>
        <svg className="strip-legend-mark" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" focusable="false">
          <line x1="2" x2="20" y1="6" y2="6" stroke={colours.secondaryText} strokeWidth="3" strokeLinecap="round" />
          <circle cx="11" cy="6" r="4" fill="#ffffff" stroke={colours.text} strokeWidth="1" />
        </svg>
        Dot and line: value and its 95% interval
      </li>
      <li>
        <svg className="strip-legend-mark" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" focusable="false">
          {reference !== null && <line x1="11" x2="11" y1="0" y2="14" stroke={colours.text} strokeDasharray="3 2" strokeWidth="1.5" />}
        </svg>
        {reference !== null ? `Dashed line: trust overall, ${reference}` : 'No dashed line: the trust overall is suppressed'}
      </li>
      {zoom && (
        <li>
          <span className="strip-legend-mark strip-legend-zoom" aria-hidden="true">↔</span>
          Zoomed axis, {zoom}: it does not start at 0
        </li>
      )}
    </ul>
  );
}

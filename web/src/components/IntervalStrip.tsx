// A small hand-drawn SVG of two values with their intervals on one scale, for the overview
// tiles (no chart library needed on the first page). The scale is zoomed to the intervals so
// overlap is easy to see, and its two ends are labelled so the zoom is never hidden.
import { colours } from '../../../core/charts/palette.ts';

export interface StripItem {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  colour: string;
}

function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

export function IntervalStrip({ items, reference, title, format }: { items: StripItem[]; reference?: number | null; title: string; format: (v: number) => string }) {
  const nums = items.flatMap((i) => [i.lower, i.upper, i.value]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (reference !== null && reference !== undefined) nums.push(reference);
  if (nums.length === 0) return null;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const step = niceStep(hi - lo || Math.abs(hi) || 1);
  const min = Math.max(lo >= 0 ? 0 : -Infinity, Math.floor(lo / step) * step);
  const max = Math.ceil(hi / step) * step === min ? min + step : Math.ceil(hi / step) * step;
  const width = 280;
  const pad = 10;
  const x = (v: number) => pad + ((v - min) / (max - min)) * (width - pad * 2);
  const rowH = 16;
  const axisY = items.length * rowH + 4;
  const height = axisY + 16;
  return (
    <svg className="interval-strip" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <line x1={pad} x2={width - pad} y1={axisY} y2={axisY} stroke={colours.border} strokeWidth="1" />
      {[min, max].map((v, i) => (
        <g key={i}>
          <line x1={x(v)} x2={x(v)} y1={axisY} y2={axisY + 3} stroke={colours.border} />
          <text x={x(v)} y={axisY + 13} fontSize="10" textAnchor={i === 0 ? 'start' : 'end'} fill={colours.secondaryText}>
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

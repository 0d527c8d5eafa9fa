// A small hand-drawn SVG of two or three values with their intervals on one scale, for the
// overview tiles (no chart library needed on the first page).
import { colours } from '../charts/palette.ts';

export interface StripItem {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  colour: string;
}

export function IntervalStrip({ items, reference, title }: { items: StripItem[]; reference?: number | null; title: string }) {
  const nums = items.flatMap((i) => [i.lower, i.upper, i.value]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (reference !== null && reference !== undefined) nums.push(reference);
  if (nums.length === 0) return null;
  const max = Math.max(...nums) * 1.08 || 1;
  const width = 240;
  const left = 4;
  const x = (v: number) => left + (v / max) * (width - left * 2);
  const rowH = 16;
  const height = items.length * rowH + 6;
  return (
    <svg className="interval-strip" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <line x1={left} x2={width - left} y1={height - 2} y2={height - 2} stroke={colours.border} strokeWidth="1" />
      {reference !== null && reference !== undefined && (
        <line x1={x(reference)} x2={x(reference)} y1={0} y2={height - 2} stroke={colours.text} strokeDasharray="3 3" strokeWidth="1" />
      )}
      {items.map((item, i) => {
        const cy = i * rowH + rowH / 2 + 1;
        return (
          <g key={item.label}>
            {item.lower !== null && item.upper !== null && (
              <line x1={x(item.lower)} x2={x(item.upper)} y1={cy} y2={cy} stroke={item.colour} strokeWidth="3" strokeLinecap="round" />
            )}
            {item.value !== null && <circle cx={x(item.value)} cy={cy} r="5" fill={item.colour} stroke={colours.text} strokeWidth="1" />}
          </g>
        );
      })}
    </svg>
  );
}

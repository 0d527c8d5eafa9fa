// The special-cause signals in a window, as the report's lines and sentences read them. When a
// series result carries its own `signals`, those are used as they are; otherwise they are read off
// the points' own flags, one run per stretch of consecutive points with the same rule and side.
import type { SpcView } from '../../metrics/engine/result-types.ts';

export type SignalRule = 'outside-limits' | 'shift' | 'trend' | 'two-of-three';
export interface WindowSignal {
  rule: SignalRule;
  from: string;
  to: string;
  direction: 'up' | 'down';
}

type WithSignals = SpcView & { signals?: WindowSignal[] };

export function signalsIn(spc: SpcView | null | undefined): WindowSignal[] {
  if (!spc) return [];
  const own = (spc as WithSignals).signals;
  if (Array.isArray(own)) return own;
  const runs: (WindowSignal & { first: number; last: number })[] = [];
  spc.points.forEach((p) => {
    if (!p.signal) return;
    const side: 'up' | 'down' = p.value >= spc.mean ? 'up' : 'down';
    const open = runs[runs.length - 1];
    const previous = spc.points[spc.points.indexOf(p) - 1];
    if (open && open.rule === p.signal && previous?.period === open.to && (p.signal === 'trend' || open.direction === side)) {
      open.to = p.period;
      open.last = p.value;
      return;
    }
    runs.push({ rule: p.signal, from: p.period, to: p.period, direction: side, first: p.value, last: p.value });
  });
  // A trend's direction is the way it runs, not the side of the mean it ends on.
  return runs.map(({ first, last, ...r }) => (r.rule === 'trend' && r.from !== r.to ? { ...r, direction: last >= first ? 'up' : 'down' } : r));
}

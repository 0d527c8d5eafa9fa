// Embeds one Vega-Lite spec (from core/charts/) as SVG, inside a figure with a caption, the toolbar
// (download, copy, publish: ChartActions.tsx) and a data table or text alternative. vega-embed is
// imported on first use, so pages without charts never download it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { ChartActions, type ChartExport } from './ChartActions.tsx';
import { chartFontFamily } from '../../../core/charts/shared.ts';

interface ChartProps {
  spec: TopLevelSpec;
  /** What the chart shows, read by screen readers in place of the drawing. */
  label: string;
  caption: ReactNode;
  /** The chart's data as a table (or text): shown under "Show data table", or visible when `tableOpen`. */
  table: ReactNode;
  tableOpen?: boolean;
  className?: string;
  /** What the toolbar saves: the server's version of the chart, and its figures. Without it the toolbar saves the drawing and the table as shown. */
  exports?: ChartExport;
}

type EmbedModule = typeof import('vega-embed');
type Loaded = { embed: EmbedModule['default']; expressionInterpreter: typeof import('vega-interpreter')['expressionInterpreter'] };
let embedModule: Promise<Loaded> | null = null;
// Vega's interpreter evaluates chart expressions without `new Function`, so the page's
// Content-Security-Policy needs no 'unsafe-eval'.
// Vega measures labels with the chart font as it lays a chart out, so the font must be loaded
// first (or the layout is made for a fallback font); a font that does not arrive is not waited for long.
const fontsReady = () =>
  typeof document === 'undefined' || !document.fonts
    ? Promise.resolve()
    : Promise.race([
        Promise.all(['400 12px', '600 12px', 'italic 400 12px'].map((f) => document.fonts.load(`${f} "${chartFontFamily}"`))).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
const loadEmbed = () =>
  (embedModule ??= Promise.all([import('vega-embed'), import('vega-interpreter'), fontsReady()]).then(([e, i]) => ({ embed: e.default, expressionInterpreter: i.expressionInterpreter })));

export function Chart({ spec, label, caption, table, tableOpen = false, className, exports }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const view = useRef<View | null>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let cancelled = false;
    let finalize: (() => void) | null = null;
    setState('loading');
    loadEmbed()
      .then(({ embed, expressionInterpreter }) => {
        if (cancelled || !ref.current) return;
        return embed(ref.current, spec, { renderer: 'svg', actions: false, tooltip: { theme: 'custom' }, logLevel: 1 /* errors only */, ast: true, expr: expressionInterpreter }).then((result) => {
          if (cancelled) {
            result.finalize();
            return;
          }
          view.current = result.view;
          finalize = () => {
            view.current = null;
            result.finalize();
          };
          setState('drawn');
        });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.warn('Chart could not be drawn', error);
        setState('failed');
      });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);
  return (
    <figure ref={figure} className={`chart ${className ?? ''}`}>
      <div className="chart-canvas" role="img" aria-label={label} data-state={state}>
        <div ref={ref} className="chart-target" />
        {state === 'loading' && <p className="chart-placeholder">Drawing chart…</p>}
        {state === 'failed' && <p className="chart-placeholder">The chart could not be drawn. The same figures are in the data table below.</p>}
      </div>
      <figcaption>{caption}</figcaption>
      <ChartActions
        exports={exports ?? { title: label.split('. ')[0] }}
        view={() => (state === 'drawn' ? view.current : null)}
        table={() => figure.current?.querySelector('.chart-table table') ?? null}
      />
      {tableOpen ? (
        <div className="chart-table">{table}</div>
      ) : (
        <details className="chart-table">
          <summary>Show data table</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

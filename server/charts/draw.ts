// Draws a chart document at a requested size: the same spec, resized, inside the frame.
// Uses nothing but the document, so a published chart redraws identically forever.
import type { TopLevelSpec } from 'vega-lite';
import { chartTooSmall } from '../messages.ts';
import type { ChartDocument } from './documents/index.ts';
import { FRAME_PADDING, frameChart, frameLayout, type FrameText } from './frame.ts';
import { specToSvg, svgToPng } from './render.ts';

export interface DrawOptions {
  width?: number;
  /** Total height; without it the chart takes the height it needs. */
  height?: number;
}

export const DEFAULT_WIDTH = 800;
const MIN_CHART_HEIGHT = 120;

export async function drawSvg(doc: ChartDocument, options: DrawOptions = {}): Promise<string> {
  return drawFramedSpec(doc.spec, { title: doc.title, subtitle: doc.subtitle, footnotes: doc.footnotes, alt: doc.alt }, options);
}

/** Any spec from core/charts/ in the frame, resized to the requested width (and height). */
export async function drawFramedSpec(specIn: TopLevelSpec, text: FrameText, options: DrawOptions = {}): Promise<string> {
  const width = options.width ?? DEFAULT_WIDTH;
  const layout = frameLayout(text, width);
  const inner = width - 2 * FRAME_PADDING;
  const base = specIn as unknown as Record<string, unknown>;
  let spec: Record<string, unknown> = { ...base, width: inner };
  let height: number;
  if (options.height !== undefined) {
    const chartHeight = options.height - layout.header - layout.footer;
    if (chartHeight < MIN_CHART_HEIGHT) {
      const needed = layout.header + layout.footer + MIN_CHART_HEIGHT;
      throw chartTooSmall(options.height, needed - MIN_CHART_HEIGHT, needed);
    }
    spec = { ...spec, height: chartHeight, autosize: { type: 'fit', contains: 'padding' } };
    height = options.height;
  } else {
    height = 0;
  }
  const chart = await specToSvg(spec as unknown as TopLevelSpec);
  if (options.height === undefined) height = Math.ceil(layout.header + chart.height + layout.footer);
  return frameChart(chart.svg, text, layout, { width, height });
}

export async function drawPng(doc: ChartDocument, options: DrawOptions & { scale?: number } = {}): Promise<Buffer> {
  return svgToPng(await drawSvg(doc, options), options.scale ?? 1);
}

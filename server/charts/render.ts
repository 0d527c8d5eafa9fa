// Vega-Lite spec → SVG with vega's own string renderer (no browser, no canvas), and SVG → PNG
// with resvg, using only the shipped font files.
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, FONT_FILES, faceFor, textWidth } from './fonts.ts';

// Vega measures text to lay out axes, legends and label limits. Without a canvas it guesses
// 0.8 em per character, far wider than Source Sans; measure with the font's own advance widths.
const metrics = (vega as unknown as { textMetrics: unknown }).textMetrics as { width: (item: Record<string, unknown>, text: unknown) => number };
metrics.width = (item, text) => {
  const t = text === null || text === undefined ? '' : String(text).trim();
  const size = item.fontSize !== null && item.fontSize !== undefined ? Number(item.fontSize) || 0 : 11;
  if (!t || size <= 0) return 0;
  return textWidth(t, size, faceFor(item.fontWeight as string | number | undefined, item.fontStyle as string | undefined));
};

/** Compiler warnings (e.g. a fit dropped for a stepped axis) are expected here: keep errors only. */
const quiet = vega.logger(vega.Error);

/** Renders a Vega-Lite spec to an SVG document; its width and height are those vega laid out. */
export async function specToSvg(spec: TopLevelSpec): Promise<{ svg: string; width: number; height: number }> {
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: m ? Number(m[1]) : view.width(), height: m ? Number(m[2]) : view.height() };
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG at 1×, 2× or 3× its size, with the shipped font and no system fonts. */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return image.asPng();
}

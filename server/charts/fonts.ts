// The chart font: Source Sans Pro (SIL Open Font License 1.1), from the `source-sans-pro` npm
// package, so a chart rendered on any machine — with or without system fonts — looks the same.
// The web app loads the same family with @font-face from the same package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chartFontFamily, defaultFont } from '../../core/charts/shared.ts';
import { parseAdvanceWidths, type AdvanceWidths } from './font-metrics.ts';

/** The family the chart specs name (core/charts/shared.ts): one name for screen and paper. */
export const FONT_FAMILY = chartFontFamily;
/** The CSS font list written into chart specs: the shipped family first. */
export const CHART_FONT = defaultFont;

export type FontFace = 'regular' | 'semibold' | 'bold' | 'italic';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('source-sans-pro/package.json'));

const files: Record<FontFace, string> = {
  regular: join(packageDir, 'TTF/SourceSansPro-Regular.ttf'),
  semibold: join(packageDir, 'TTF/SourceSansPro-Semibold.ttf'),
  bold: join(packageDir, 'TTF/SourceSansPro-Bold.ttf'),
  italic: join(packageDir, 'TTF/SourceSansPro-It.ttf'),
};

/** TTF files for the rasteriser (resvg reads TTF/OTF, not woff). */
export const FONT_FILES: string[] = Object.values(files);

let widths: Record<FontFace, AdvanceWidths> | null = null;

function metrics(): Record<FontFace, AdvanceWidths> {
  widths ??= {
    regular: parseAdvanceWidths(readFileSync(files.regular)),
    semibold: parseAdvanceWidths(readFileSync(files.semibold)),
    bold: parseAdvanceWidths(readFileSync(files.bold)),
    italic: parseAdvanceWidths(readFileSync(files.italic)),
  };
  return widths;
}

export function faceFor(weight: string | number | undefined, style: string | undefined): FontFace {
  if (style === 'italic') return 'italic';
  const w = weight === 'bold' ? 700 : weight === 'normal' || weight === undefined ? 400 : Number(weight);
  if (w >= 700) return 'bold';
  if (w >= 600) return 'semibold';
  return 'regular';
}

/** The width in pixels of a line of text in the chart font (no kerning: within a pixel or two). */
export function textWidth(text: string, fontSize: number, face: FontFace = 'regular'): number {
  const m = metrics()[face];
  let units = 0;
  for (const ch of text) units += m.advance(ch.codePointAt(0)!);
  return (units / m.unitsPerEm) * fontSize;
}

/** Breaks text into lines no wider than `maxWidth`, at spaces (a longer word gets its own line). */
export function wrapText(text: string, maxWidth: number, fontSize: number, face: FontFace = 'regular'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, face) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// The board-paper frame around a chart: title, subtitle, the chart, footnotes, and alt text
// (<title>/<desc> plus aria-label) — one standalone SVG of exactly the requested size.
import { FONT_FAMILY, wrapText } from './fonts.ts';

const PAD = 20;
const TITLE = { size: 19, line: 25, face: 'semibold' as const };
const SUBTITLE = { size: 13.5, line: 19 };
const NOTE = { size: 11, line: 15 };
const GAP = 12;
const TEXT = '#212B32';
const SECONDARY = '#4C6272';
const RULE = '#D8DDE0';

export interface FrameText {
  title: string;
  subtitle: string[];
  footnotes: string[];
  /** A full description of what the chart shows, for screen readers. */
  alt: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface FrameLayout {
  titleLines: string[];
  subtitleLines: string[];
  noteLines: string[];
  /** Height taken by the header (title and subtitle) and by the footer (footnotes), padding included. */
  header: number;
  footer: number;
}

/** Wraps the frame's text to the width and says how much height it takes above and below the chart. */
export function frameLayout(text: FrameText, width: number): FrameLayout {
  const inner = width - 2 * PAD;
  // A chart whose page gives it a heading (a report's small multiples) draws no title of its own.
  const titleLines = text.title ? wrapText(text.title, inner, TITLE.size, TITLE.face) : [];
  const subtitleLines = text.subtitle.flatMap((s) => wrapText(s, inner, SUBTITLE.size));
  const noteLines = text.footnotes.flatMap((s) => wrapText(s, inner, NOTE.size));
  // Without a title or subtitle (the page heads the chart) the chart starts near the top edge.
  const header = titleLines.length + subtitleLines.length ? PAD + titleLines.length * TITLE.line + subtitleLines.length * SUBTITLE.line + GAP : 6;
  const footer = GAP + 8 + noteLines.length * NOTE.line + PAD - 4;
  return { titleLines, subtitleLines, noteLines, header, footer };
}

export const FRAME_PADDING = PAD;

function textBlock(lines: string[], y0: number, lineHeight: number, size: number, attrs: string): string {
  return lines
    .map((line, i) => `<text x="${PAD}" y="${(y0 + i * lineHeight + size).toFixed(1)}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`)
    .join('');
}

/**
 * Places a rendered chart (an SVG document from vega) in the frame. The result is `width` ×
 * `height` pixels; the chart sits between the header and the footnotes.
 */
export function frameChart(chartSvg: string, text: FrameText, layout: FrameLayout, size: { width: number; height: number }): string {
  const { width, height } = size;
  const chart = chartSvg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, `<svg x="${PAD}" y="${layout.header}" overflow="hidden" aria-hidden="true"`);
  const titleId = 'parity-chart-title';
  const descId = 'parity-chart-desc';
  let y = PAD;
  const title = textBlock(layout.titleLines, y - 4, TITLE.line, TITLE.size, `font-weight="600" fill="${TEXT}"`);
  y += layout.titleLines.length * TITLE.line;
  const subtitle = textBlock(layout.subtitleLines, y - 2, SUBTITLE.line, SUBTITLE.size, `fill="${SECONDARY}"`);
  const footTop = height - layout.footer + GAP;
  const notes = textBlock(layout.noteLines, footTop + 8, NOTE.line, NOTE.size, `fill="${SECONDARY}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` role="img" aria-labelledby="${titleId} ${descId}" aria-label="${escapeXml(text.title ? `${text.title}. ${text.alt}` : text.alt)}"`,
    ` font-family="${escapeXml(`"${FONT_FAMILY}", "Segoe UI", Arial, sans-serif`)}">`,
    `<title id="${titleId}">${escapeXml(text.title)}</title>`,
    `<desc id="${descId}">${escapeXml(text.alt)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="frame-header" aria-hidden="true">${title}${subtitle}</g>`,
    chart,
    `<g class="frame-footnotes" aria-hidden="true"><line x1="${PAD}" x2="${width - PAD}" y1="${footTop}" y2="${footTop}" stroke="${RULE}" stroke-width="1"/>${notes}</g>`,
    `</svg>`,
  ].join('');
}

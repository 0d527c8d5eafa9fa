// Advance widths from a TrueType/OpenType font file (the `head`, `hhea`, `hmtx` and `cmap`
// tables), so the server can measure text as the rasteriser will draw it: vega needs widths to
// lay out axes and legends, and the chart frame needs them to wrap titles and footnotes.

export interface AdvanceWidths {
  unitsPerEm: number;
  /** Advance width in font units of a Unicode code point (the .notdef width when unmapped). */
  advance(codePoint: number): number;
}

function tables(buf: Buffer): Map<string, { offset: number; length: number }> {
  const count = buf.readUInt16BE(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    out.set(buf.toString('latin1', rec, rec + 4), { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) });
  }
  return out;
}

/** Unicode code point → glyph id, from a format 4 (BMP) or format 12 (full range) cmap subtable. */
function readCmap(buf: Buffer, cmapOffset: number): Map<number, number> {
  const map = new Map<number, number>();
  const n = buf.readUInt16BE(cmapOffset + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < n; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = cmapOffset + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { offset, format };
  }
  if (!best) throw new Error('the font has no Unicode cmap subtable');
  const o = best.offset;
  if (best.format === 12) {
    const groups = buf.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const p = o + 16 + g * 12;
      const start = buf.readUInt32BE(p);
      const end = buf.readUInt32BE(p + 4);
      const glyph = buf.readUInt32BE(p + 8);
      for (let c = start; c <= end && c <= 0x2ffff; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  const segCount = buf.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = buf.readUInt16BE(ends + s * 2);
    const start = buf.readUInt16BE(starts + s * 2);
    const delta = buf.readInt16BE(deltas + s * 2);
    const rangeOffset = buf.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = buf.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

export function parseAdvanceWidths(buf: Buffer): AdvanceWidths {
  const t = tables(buf);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('not a TrueType/OpenType font (head, hhea, hmtx or cmap missing)');
  const unitsPerEm = buf.readUInt16BE(head.offset + 18);
  const metricsCount = buf.readUInt16BE(hhea.offset + 34);
  const glyphAdvance = (glyph: number) => buf.readUInt16BE(hmtx.offset + Math.min(glyph, metricsCount - 1) * 4);
  const glyphs = readCmap(buf, cmap.offset);
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint: number): number {
      let w = cache.get(codePoint);
      if (w === undefined) {
        w = glyphAdvance(glyphs.get(codePoint) ?? 0);
        cache.set(codePoint, w);
      }
      return w;
    },
  };
}

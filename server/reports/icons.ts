// Making Data Count variation and assurance icons as small inline SVGs, each with its meaning in
// words beside it (colour is never the only signal).
import { esc } from '../charts/html.ts';
import { assuranceWords, variationWords } from '../../core/text/spc-words.ts';

const BLUE = '#005EB8';
const ORANGE = '#ED8B00';
const GREY = '#768692';
const PURPLE = '#6B4596';

function circle(colour: string, letter: string, label: string): string {
  return `<svg class="icon" width="26" height="26" viewBox="0 0 26 26" role="img" aria-label="${esc(label)}"><circle cx="13" cy="13" r="11.5" fill="#fff" stroke="${colour}" stroke-width="3"/><text x="13" y="17.5" text-anchor="middle" font-size="13" font-weight="700" fill="${colour}">${esc(letter)}</text></svg>`;
}

/** Short words for the summary table; the icon's accessible name keeps the full wording. */
const SHORT: Record<string, string> = {
  'common-cause': 'Common cause',
  'special-cause-improvement-high': 'Improvement (high)',
  'special-cause-improvement-low': 'Improvement (low)',
  'special-cause-concern-high': 'Concern (high)',
  'special-cause-concern-low': 'Concern (low)',
  'special-cause-neither-high': 'Higher (neither)',
  'special-cause-neither-low': 'Lower (neither)',
};

export function variationIcon(variation: string | null | undefined): string {
  if (!variation) return `<span class="icon-none">Too few points for SPC</span>`;
  const label = variationWords[variation] ?? variation;
  const short = SHORT[variation] ?? label;
  const high = variation.endsWith('-high');
  const colour = variation.includes('improvement') ? BLUE : variation.includes('concern') ? ORANGE : variation === 'common-cause' ? GREY : PURPLE;
  const letter = variation === 'common-cause' ? '~' : high ? 'H' : 'L';
  return `<span class="icon-with-label">${circle(colour, letter, label)}<span aria-hidden="true">${esc(short)}</span></span>`;
}

export function assuranceIcon(assurance: string | null | undefined): string {
  if (!assurance) return `<span class="icon-none">No target set</span>`;
  const label = assuranceWords[assurance] ?? assurance;
  const [colour, letter] = assurance === 'pass' ? [BLUE, 'P'] : assurance === 'fail' ? [ORANGE, 'F'] : [GREY, '?'];
  const short = assurance === 'pass' ? 'Passes' : assurance === 'fail' ? 'Fails' : 'Hit and miss';
  return `<span class="icon-with-label">${circle(colour, letter, label)}<span aria-hidden="true">${esc(short)}</span></span>`;
}

// Colours used by every chart and badge (pure). Colour-blind-safe: meaning is never carried by
// red against green, and every colour that marks data has 3:1 contrast against white or a dark
// outline; text colours have at least 4.5:1.

export const colours = {
  text: '#212B32',
  secondaryText: '#4C6272',
  grid: '#D8DDE0',
  border: '#AEB7BD',
  nhsBlue: '#005EB8',
  darkBlue: '#003087',
  /** Making Data Count: improvement (blue), concern (orange), common cause (grey). */
  improvement: '#005EB8',
  improvementLight: '#41B6E6',
  concern: '#ED8B00',
  concernDark: '#8A4F00',
  common: '#768692',
  neither: '#5C2D91',
  limit: '#4C6272',
  target: '#007F3B',
  suppressed: '#E8EDEE',
  highlight: '#005EB8',
  muted: '#8D9BA5',
} as const;

/** Completeness categories, in stacking order. */
export const completenessColours = {
  Valid: '#005EB8',
  'Not stated': '#E69F00',
  'Not known': '#CC79A7',
  Missing: '#768692',
  Invalid: '#D55E00',
} as const;

/** Sequential scheme for heat maps (single hue, readable in greyscale). */
export const heatmapScheme = 'blues';

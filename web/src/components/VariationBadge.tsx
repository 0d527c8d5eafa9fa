// The Making Data Count variation icon drawn as an inline SVG with its meaning in words beside
// it, so the colour is never the only signal.
import type { SpcSignal, Variation } from '../../../core/contracts/results.ts';
import { COARSE_NOTE, earlierSignalsNote, TOO_FEW_POINTS } from '../../../core/text/spc-words.ts';

interface Look {
  fill: string;
  ink: string;
  letter: 'H' | 'L' | null;
  text: string;
}

const looks: Record<Variation, Look> = {
  'common-cause': { fill: '#D8DDE0', ink: '#212B32', letter: null, text: 'Common cause' },
  'special-cause-improvement-high': { fill: '#41B6E6', ink: '#002E5C', letter: 'H', text: 'Special cause — improving, higher' },
  'special-cause-improvement-low': { fill: '#41B6E6', ink: '#002E5C', letter: 'L', text: 'Special cause — improving, lower' },
  'special-cause-concern-high': { fill: '#ED8B00', ink: '#212B32', letter: 'H', text: 'Special cause — concerning, higher' },
  'special-cause-concern-low': { fill: '#ED8B00', ink: '#212B32', letter: 'L', text: 'Special cause — concerning, lower' },
  'special-cause-neither-high': { fill: '#C7B8E0', ink: '#2E1A47', letter: 'H', text: 'Special cause — higher (neither better nor worse)' },
  'special-cause-neither-low': { fill: '#C7B8E0', ink: '#2E1A47', letter: 'L', text: 'Special cause — lower (neither better nor worse)' },
};

export function variationText(variation: Variation | null): string {
  return variation ? looks[variation].text : TOO_FEW_POINTS;
}

export function VariationIcon({ variation, size = 28 }: { variation: Variation | null; size?: number }) {
  const look = variation ? looks[variation] : null;
  return (
    <svg width={size} height={size} viewBox="0 0 28 28" aria-hidden="true" focusable="false" className="variation-icon">
      <circle cx="14" cy="14" r="12.5" fill={look?.fill ?? '#ffffff'} stroke={look?.ink ?? '#4C6272'} strokeWidth="1.5" strokeDasharray={look ? undefined : '3 2'} />
      {look?.letter ? (
        <>
          <text x="14" y="18.5" textAnchor="middle" fontSize="13" fontWeight="700" fill={look.ink} fontFamily="system-ui, sans-serif">
            {look.letter}
          </text>
          <path d={look.letter === 'H' ? 'M20 9 l2.5 -3 l2.5 3' : 'M20 19 l2.5 3 l2.5 -3'} fill="none" stroke={look.ink} strokeWidth="1.6" />
        </>
      ) : look ? (
        <path d="M7 14 h3 l2 -3 l2 6 l2 -3 h5" fill="none" stroke={look.ink} strokeWidth="1.6" />
      ) : (
        <text x="14" y="18" textAnchor="middle" fontSize="11" fill="#4C6272" fontFamily="system-ui, sans-serif">
          –
        </text>
      )}
    </svg>
  );
}

/** The latest point's icon, and — so a past shift is never hidden behind a grey icon — the signals before it. */
export function VariationBadge({ variation, prefix, signals = null, coarse = null }: { variation: Variation | null; prefix?: string; signals?: SpcSignal[] | null; coarse?: number | null }) {
  // A series too coarse for SPC (Spc.coarse) has no icon to read: the words say why.
  if (coarse != null) {
    return (
      <span className="variation-badge variation-none">
        <VariationIcon variation={null} />
        <span>
          {prefix ? <span className="variation-prefix">{prefix}: </span> : null}
          {COARSE_NOTE}
        </span>
      </span>
    );
  }
  const earlier = signals ? earlierSignalsNote({ variation, signals }) : null;
  return (
    <span className={`variation-badge variation-${variation ?? 'none'}`}>
      <VariationIcon variation={variation} />
      <span>
        {prefix ? <span className="variation-prefix">{prefix}: </span> : null}
        {variationText(variation)}
        {earlier ? <span className="variation-earlier"> {earlier}</span> : null}
      </span>
    </span>
  );
}

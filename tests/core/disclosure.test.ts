import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PROFILE_IDS, DISCLOSURE_PROFILES, DISCLOSURE_PROFILES_TEXT, disclosureText } from '../../core/disclosure.ts';
import { isSmall, roundCount } from '../../metrics/statistics/index.ts';
import { EDITABLE_SETTINGS } from '../../server/settings/catalogue.ts';

describe('the disclosure profiles, declared once', () => {
  it('says in its label exactly the counts the statistics withhold', () => {
    for (const id of DISCLOSURE_PROFILE_IDS) {
      const { largestSmall, label } = DISCLOSURE_PROFILES[id];
      const withheld = Array.from({ length: 20 }, (_, n) => n).filter((n) => isSmall(n, id));
      if (largestSmall === 0) {
        expect(withheld).toEqual([]);
        expect(label).toContain('unrounded');
        expect(roundCount(13, id)).toBe(13);
      } else {
        expect(withheld).toEqual(Array.from({ length: largestSmall }, (_, n) => n + 1));
        expect(label).toContain(`counts 1–${largestSmall} suppressed`);
        expect(roundCount(13, id)).toBe(15);
      }
    }
  });

  it('offers on the settings page the same sentence the results and footnotes carry', () => {
    const setting = EDITABLE_SETTINGS.find((s) => s.key === 'disclosure')!;
    expect(setting.input).toEqual({ kind: 'choice', options: DISCLOSURE_PROFILE_IDS.map((value) => { const { label, protects, leaves } = DISCLOSURE_PROFILES[value]; return { value, label, protects, leaves }; }) });
    expect(setting.allowedText).toBe('one of nhs-secondary-use, threshold-10 or none');
    expect(DISCLOSURE_PROFILES_TEXT).toBe(setting.allowedText);
    for (const id of DISCLOSURE_PROFILE_IDS) expect(setting.schema.safeParse(id).success).toBe(true);
    expect(setting.schema.safeParse('threshold-5').success).toBe(false);
  });

  it("prefers a result's own label (the analyst's unsuppressed view), and falls back to the id for an unknown profile", () => {
    expect(disclosureText('threshold-10')).toBe('Threshold 10: counts 1–9 suppressed, others rounded to 5');
    expect(disclosureText('none', 'Not applied — analyst view, not for sharing')).toBe('Not applied — analyst view, not for sharing');
    expect(disclosureText('local-rule')).toBe('local-rule');
  });
});

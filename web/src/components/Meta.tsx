// The facts every page of figures states: period, when the data was loaded, disclosure profile.
import { formatDateTime, formatPeriod } from '../../../core/text/format.ts';

const disclosureLabels: Record<string, string> = {
  'nhs-secondary-use': 'NHS secondary-use: counts of 1–7 shown as *, other counts rounded to the nearest 5',
  'threshold-10': 'Threshold 10: counts below 10 suppressed',
  none: 'None — internal analysis only, do not publish',
};

export function disclosureText(disclosure: string, label?: string | null): string {
  return label ?? disclosureLabels[disclosure] ?? disclosure;
}

export function Meta({ period, dataAsAt, disclosure, disclosureLabel, extra }: {
  period?: { from: string; to: string } | null;
  dataAsAt?: string | null;
  disclosure?: string | null;
  disclosureLabel?: string | null;
  extra?: { term: string; value: string }[];
}) {
  return (
    <dl className="meta">
      {period && (
        <div>
          <dt>Period</dt>
          <dd>{formatPeriod(period)}</dd>
        </div>
      )}
      {dataAsAt !== undefined && (
        <div>
          <dt>Data as at</dt>
          <dd>{formatDateTime(dataAsAt)}</dd>
        </div>
      )}
      {disclosure && (
        <div>
          <dt>Disclosure control</dt>
          <dd>{disclosureText(disclosure, disclosureLabel)}</dd>
        </div>
      )}
      {extra?.map((e) => (
        <div key={e.term}>
          <dt>{e.term}</dt>
          <dd>{e.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// The facts every page of figures states: period, when the data was loaded, disclosure profile.
import { disclosureText } from '../../../core/disclosure.ts';
import { formatDateTime, formatPeriod } from '../../../core/text/format.ts';

export { disclosureText };

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

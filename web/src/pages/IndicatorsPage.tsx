// `/indicators` — the catalogue, grouped by domain.
import { apiUrl, useApi } from '../api/client.ts';
import { MetricList, type Metric } from '../../../core/contracts/results.ts';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { Link } from '../router.tsx';

const domainOrder = ['elective', 'UEC', 'digital inclusion', 'cancer', 'maternity', 'smoking', 'respiratory', 'CVD', 'diabetes', 'mental health', 'oral health', 'data quality'];
const domainTitles: Record<string, string> = {
  elective: 'Elective recovery',
  UEC: 'Urgent and emergency care',
  'digital inclusion': 'Digital inclusion',
  cancer: 'Cancer',
  maternity: 'Maternity',
  smoking: 'Smoking cessation',
  respiratory: 'Respiratory',
  CVD: 'Cardiovascular disease',
  diabetes: 'Diabetes',
  'mental health': 'Mental health',
  'oral health': 'Oral health',
  'data quality': 'Data quality',
};

export function domainTitle(domain: string): string {
  return domainTitles[domain] ?? domain.charAt(0).toUpperCase() + domain.slice(1);
}

function group(metrics: Metric[]): [string, Metric[]][] {
  const by = new Map<string, Metric[]>();
  for (const m of metrics) by.set(m.domain, [...(by.get(m.domain) ?? []), m]);
  const rank = (d: string) => (domainOrder.indexOf(d) === -1 ? 99 : domainOrder.indexOf(d));
  return [...by.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

export function IndicatorsPage() {
  const state = useApi(apiUrl('metrics'), MetricList);
  return (
    <>
      <h1>Indicators</h1>
      <p className="lead">
        Every indicator Parity computes, grouped by the domains of NHS England's statement on information on health
        inequalities. Each one breaks down by deprivation, ethnicity, age and sex.
      </p>
      {state.status === 'loading' && <Loading what="the indicator catalogue" />}
      {state.status === 'error' && <ErrorState error={state.error} retry={state.retry} what="indicator catalogue" />}
      {state.status === 'ok' && state.data.metrics.length === 0 && (
        <Empty title="The catalogue is empty">
          <p>No indicator definitions were found on the server. Check the server's metrics folder and restart it.</p>
        </Empty>
      )}
      {state.status === 'ok' &&
        group(state.data.metrics).map(([domain, metrics]) => (
          <section key={domain} aria-labelledby={`domain-${domain.replace(/\W+/g, '-')}`}>
            <h2 id={`domain-${domain.replace(/\W+/g, '-')}`}>{domainTitle(domain)}</h2>
            <ul className="catalogue">
              {metrics.map((m) => (
                <li key={m.id}>
                  <h3>
                    <Link href={`/indicators/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                  </h3>
                  <p>{m.description}</p>
                  <p>
                    {m.area ? `Core20PLUS5: ${m.area}. ` : ''}
                    {m.kind === 'external' ? 'From a national source. ' : ''}
                    {m.polarity === 'higher' ? 'Higher is better.' : m.polarity === 'lower' ? 'Lower is better.' : 'No preferred direction.'}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

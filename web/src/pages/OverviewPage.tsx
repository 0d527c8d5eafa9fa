// `/` — the Core20PLUS5 overview: for each indicator, Core20 (the most deprived fifth, IMD
// quintile 1) against everyone else, the gap, and the SPC variation of the monthly gap.
import { comparedWithEngland } from '../../../core/text/benchmarks.ts';
import { apiUrl, useApi } from '../api/client.ts';
import { useDataAsAt } from '../api/data-as-at.ts';
import { OverviewResult, type Period, type Tile } from '../../../core/contracts/results.ts';
import { colours } from '../../../core/charts/palette.ts';
import { stripScale } from '../../../core/charts/strip-scale.ts';
import { IntervalStrip, StripLegend } from '../components/IntervalStrip.tsx';
import { Meta } from '../components/Meta.tsx';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { VariationBadge } from '../components/VariationBadge.tsx';
import { core20Verdict, type Core20Verdict } from '../../../core/text/compare.ts';
import { describeCore20, describeKnownRecords } from '../../../core/text/describe.ts';
import { spcRollup } from '../../../core/text/spc-words.ts';
import { formatDifference, formatInterval, formatPeriod, formatNumber, formatRatio, formatValue } from '../../../core/text/format.ts';
import { Link } from '../router.tsx';

const sections: { id: Tile['section']; title: string; intro: string }[] = [
  { id: 'adult', title: 'Adults — Core20PLUS5 clinical areas', intro: 'Maternity, severe mental illness, chronic respiratory disease, early cancer diagnosis and hypertension case-finding, with smoking cessation across all five.' },
  { id: 'cyp', title: 'Children and young people', intro: 'Asthma, diabetes, epilepsy, oral health and mental health.' },
  { id: 'cross-cutting', title: 'Across the trust', intro: 'Elective recovery, urgent and emergency care, digital inclusion and data quality.' },
];

const core20Colour = colours.concern;
const restColour = colours.nhsBlue;

function polarityText(polarity: string): string {
  if (polarity === 'higher') return 'Higher is better';
  if (polarity === 'lower') return 'Lower is better';
  return 'No preferred direction';
}

function TileCard({ tile, pagePeriod }: { tile: Tile; pagePeriod: Period | null }) {
  const { metric } = tile;
  const headingId = `tile-title-${metric.id}`;
  return (
    <li className="tile" id={`tile-${metric.id}`} aria-labelledby={headingId} tabIndex={-1}>
      <div className="tile-head">
        <h3 id={headingId}>
          <Link href={`/indicators/${encodeURIComponent(metric.id)}`}>{metric.title}</Link>
        </h3>
        <p className="tile-tags">
          {metric.area && <span className="tag">{metric.area}</span>}
          <span className="tag tag-quiet">{polarityText(metric.polarity)}</span>
          {metric.kind === 'external' && <span className="tag tag-quiet">National source</span>}
        </p>
        {tile.period && pagePeriod && (tile.period.from !== pagePeriod.from || tile.period.to !== pagePeriod.to) && (
          <p className="tile-period">Period: {formatPeriod(tile.period)}{metric.kind === 'external' ? ' (the latest published)' : ''}</p>
        )}
      </div>
      {tile.notComputable ? (
        <p className="tile-not-computable" role="note" data-testid="tile-not-computable">
          <strong>Not computable.</strong> {tile.notComputable.message}
        </p>
      ) : (
        <TileFigures tile={tile} />
      )}
    </li>
  );
}

function TileFigures({ tile }: { tile: Tile }) {
  const { metric, core20, rest, overall, gap } = tile;
  // A population rate whose events include some of unknown deprivation: the overall can sit above both groups.
  const known = describeKnownRecords({ metric, overall, overallKnown: tile.overallKnown ?? null, by: 'imd_quintile' });
  const england = comparedWithEngland(tile.england, metric);
  const show = (row: Tile['core20']) => (!row ? 'not available' : row.suppressed ? '* (suppressed)' : formatValue(row.value, metric));
  const big = (row: Tile['core20']) =>
    !row || row.suppressed || row.value === null ? (
      <strong>{show(row)}</strong>
    ) : (
      <>
        <strong>{formatNumber(row.value, metric)}</strong>
        <span className="unit">{metric.unit === '%' ? '%' : ` ${metric.unit}`}</span>
      </>
    );
  const interval = (row: Tile['core20']) => (row && !row.suppressed ? <span className="ci">{formatInterval(row.lower, row.upper, metric)}</span> : null);
  const reference = overall.suppressed || overall.value === null ? null : overall.value;
  // One axis for everything the strip draws: both groups, their intervals and the trust overall.
  const drawn = (row: Tile['core20']) => (row && !row.suppressed ? [row.value, row.lower, row.upper] : []);
  const scale = stripScale([...drawn(core20), ...drawn(rest), reference], { share: metric.unit === '%' });
  const tick = (v: number) => `${formatNumber(v, metric, Number.isInteger(v) ? 0 : Math.abs(v) >= 10 ? 1 : 2)}${metric.unit === '%' ? '%' : ''}`;
  const legendId = `strip-key-${metric.id}`;
  return (
    <>
      <dl className="tile-values">
        <div>
          <dt>
            <span className="key-dot" style={{ background: core20Colour }} aria-hidden="true" />
            Core20 (most deprived 20%)
          </dt>
          <dd>
            {big(core20)}
            {interval(core20)}
          </dd>
        </div>
        <div>
          <dt>
            <span className="key-dot" style={{ background: restColour }} aria-hidden="true" />
            Everyone else
          </dt>
          <dd>
            {big(rest)}
            {interval(rest)}
          </dd>
        </div>
      </dl>
      {scale && (
        <IntervalStrip
          title={`${metric.title}: Core20 ${show(core20)}, everyone else ${show(rest)}, trust overall ${formatValue(overall.value, metric)}; lines are 95% intervals.`}
          describedBy={legendId}
          scale={scale}
          reference={reference}
          format={tick}
          items={[
            { label: 'Core20', value: core20?.value ?? null, lower: core20?.lower ?? null, upper: core20?.upper ?? null, colour: core20Colour },
            { label: 'Rest', value: rest?.value ?? null, lower: rest?.lower ?? null, upper: rest?.upper ?? null, colour: restColour },
          ]}
        />
      )}
      {scale && (
        <StripLegend
          id={legendId}
          reference={reference === null ? null : formatValue(reference, metric)}
          zoom={scale.zeroBased ? null : `${tick(scale.min)} to ${tick(scale.max)}`}
        />
      )}
      {known && <p className="tile-known">{known}</p>}
      <p className="tile-gap">
        <span className="tile-gap-label">Gap (Core20 − rest):</span>{' '}
        <strong>{formatDifference(gap?.absolute ?? null, metric)}</strong>
        {gap?.relative !== null && gap?.relative !== undefined && <span className="ci"> ratio {formatRatio(gap.relative)}</span>}
      </p>
      <p className="tile-sentence">{describeCore20(tile)}</p>
      {england && (
        <p className="tile-england" data-comparison={tile.england?.comparison}>
          {england}
        </p>
      )}
      {tile.gapSeries === false ? (
        <p className="tile-gap-spc">No Q1 − Q5 gap series: the indicator has no deprivation breakdown by month.</p>
      ) : (
        <VariationBadge
          variation={tile.gapVariation}
          signals={tile.gapSignals ?? null}
          coarse={tile.gapCoarse ?? null}
          prefix={metric.grain === 'quarter' ? 'Quarterly Q1 − Q5 gap, latest quarter' : 'Monthly Q1 − Q5 gap, latest month'}
        />
      )}
    </>
  );
}

type Verdict = Core20Verdict;

const verdict = (tile: Tile): Verdict => core20Verdict(tile.core20, tile.rest, tile.metric.polarity);

function TileLinks({ tiles, block = false }: { tiles: Tile[]; block?: boolean }) {
  if (block) {
    return (
      <ul className="glance-list">
        {tiles.map((t) => (
          <li key={t.metric.id}>
            <Link href={`#tile-${t.metric.id}`}>{t.metric.title}</Link>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {tiles.map((t, i) => (
        <span key={t.metric.id}>
          {i > 0 ? (i === tiles.length - 1 ? ' and ' : ', ') : ''}
          <Link href={`#tile-${t.metric.id}`}>{t.metric.title}</Link>
        </span>
      ))}
    </>
  );
}

/** The Q1 − Q5 gap's SPC over the window, counted as every report counts it (core/text/spc-words). */
function GapSignals({ tiles }: { tiles: Tile[] }) {
  const withGap = tiles.filter((t) => t.gapSeries !== false);
  const byTitle = new Map(withGap.map((t) => [t.metric.title, t]));
  const r = spcRollup(withGap.map((t) => ({ title: t.metric.title, spc: t.gapVariation === null ? null : { variation: t.gapVariation, signals: t.gapSignals ?? [], coarse: t.gapCoarse ?? null } })));
  const links = (titles: string[]) => <TileLinks tiles={titles.map((x) => byTitle.get(x)!)} />;
  const latest = r.concern.length + r.improvement.length + r.neither.length;
  const none = tiles.length - withGap.length;
  return (
    <li>
      The Q1 − Q5 gap by month or quarter, read with SPC over each indicator's window:{' '}
      {latest === 0 ? 'no special cause in the latest period' : (
        <>
          special cause in the latest period on {latest}
          {r.concern.length > 0 && <> — concern on {r.concern.length} ({links(r.concern)})</>}
          {r.improvement.length > 0 && <> — improvement on {r.improvement.length} ({links(r.improvement)})</>}
          {r.neither.length > 0 && <> — a change with no better direction on {r.neither.length} ({links(r.neither)})</>}
        </>
      )}
      ; special cause earlier in the window (common cause now) on {r.earlier.length}
      {r.earlier.length > 0 && <> ({links(r.earlier)})</>}
      ; only common cause variation on {r.common.length}
      ; too few points for SPC on {r.tooFew.length}
      {r.coarse.length > 0 && <>; counts too small for SPC to tell on {r.coarse.length} ({links(r.coarse)})</>}
      {none > 0 ? `; ${none} ${none === 1 ? 'has' : 'have'} no deprivation gap series` : ''}.
    </li>
  );
}

/** The cover-sheet summary: how many indicators are worse for Core20, and where the gap is moving. */
function AtAGlance({ tiles }: { tiles: Tile[] }) {
  const by = (v: Verdict) => tiles.filter((t) => verdict(t) === v);
  const worse = by('worse');
  const better = by('better');
  const context = [...by('higher'), ...by('lower')];
  const similar = by('similar');
  const blocked = tiles.filter((t) => t.notComputable);
  const none = by('none').filter((t) => !t.notComputable);
  return (
    <section className="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading">At a glance</h2>
      <ul>
        <li>
          <strong>
            Worse for Core20 on {worse.length} of {tiles.length} indicators
          </strong>
          {worse.length > 0 ? (
            worse.length > 3 ? (
              <>
                :<TileLinks tiles={worse} block />
              </>
            ) : (
              <>
                : <TileLinks tiles={worse} />.
              </>
            )
          ) : (
            '.'
          )}
        </li>
        <li>
          Better for Core20 on {better.length}
          {better.length > 0 ? (
            <>
              : <TileLinks tiles={better} />.
            </>
          ) : (
            '.'
          )}
        </li>
        {context.length > 0 && (
          <li>
            Different, with no preferred direction, on {context.length}: <TileLinks tiles={context} />.
          </li>
        )}
        <li>
          No clear difference on {similar.length}
          {none.length > 0 ? `; ${none.length} cannot be compared (suppressed or no deprivation breakdown)` : ''}.
        </li>
        {blocked.length > 0 && (
          <li data-testid="glance-not-computable">
            <strong>Not computable from the data loaded on {blocked.length}</strong>: <TileLinks tiles={blocked} /> (each tile says why and what to fix).
          </li>
        )}
        <GapSignals tiles={tiles} />
      </ul>
    </section>
  );
}

export function OverviewPage() {
  const state = useApi(apiUrl('overview'), OverviewResult);
  return (
    <>
      <h1>Core20PLUS5 overview</h1>
      <p className="lead">
        For each indicator: the most deprived 20% of neighbourhoods in England (Core20, IMD quintile 1) compared with
        everyone else treated by the trust, the gap between them, and whether the monthly gap is changing.
      </p>
      {state.status === 'loading' && <Loading what="the overview" />}
      {state.status === 'error' && <ErrorState error={state.error} retry={state.retry} what="overview" />}
      {state.status === 'ok' && <Overview data={state.data} />}
    </>
  );
}

/** The page's period: the one most tiles share (national sources may have their own, said on the tile). */
function commonPeriod(data: OverviewResult): Period | null {
  if (data.period) return data.period;
  const counts = new Map<string, { period: Period; n: number }>();
  for (const t of data.tiles) {
    if (!t.period) continue;
    const key = `${t.period.from}/${t.period.to}`;
    counts.set(key, { period: t.period, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.period ?? null;
}

function Overview({ data }: { data: OverviewResult }) {
  const dataAsAt = useDataAsAt(data.dataAsAt);
  const pagePeriod = commonPeriod(data);
  if (data.tiles.length === 0) {
    return (
      <Empty title="No indicators to show yet">
        <p>
          None of the Core20PLUS5 indicators can be computed from the extracts loaded so far. Load outpatient, admission,
          maternity or cancer extracts on the <Link href="/upload">Upload</Link> page, or check the{' '}
          <Link href="/extracts">loaded extracts</Link> for quarantined rows.
        </p>
      </Empty>
    );
  }
  return (
    <>
      <Meta period={pagePeriod} dataAsAt={dataAsAt} disclosure={data.disclosure} disclosureLabel={data.disclosureLabel} />
      <AtAGlance tiles={data.tiles} />
      <details className="how-to-read">
        <summary>How to read this page</summary>
        <ul>
          <li>
            <span className="key-dot" style={{ background: core20Colour }} aria-hidden="true" /> Core20: patients living in the
            most deprived 20% of neighbourhoods in England (IMD quintile 1).{' '}
            <span className="key-dot" style={{ background: restColour }} aria-hidden="true" /> Everyone else: quintiles 2–5.
          </li>
          <li>The figure under each value is its 95% confidence interval; the dashed line on each strip is the trust overall (each tile says its value). A strip starts at 0 unless that would squeeze its figures together; then the legend says where it starts.</li>
          <li>A difference is claimed only when the two intervals do not overlap.</li>
          <li>
            The variation icon is statistical process control (Making Data Count) on the latest point of the monthly gap
            between IMD quintile 1 and quintile 5: orange means the gap is changing in a concerning direction, blue an
            improving one, grey common cause. Special causes earlier in the window are listed beside the icon.
          </li>
        </ul>
      </details>
      {sections.map((section) => {
        const tiles = data.tiles.filter((t) => t.section === section.id);
        if (tiles.length === 0) return null;
        return (
          <section key={section.id} className="overview-section" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            <p className="section-intro">{section.intro}</p>
            <ul className="tiles">
              {tiles.map((tile) => (
                <TileCard key={tile.metric.id} tile={tile} pagePeriod={pagePeriod} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

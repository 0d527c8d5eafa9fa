// Answers metric requests for the routes and the CLI: validates them against the catalogue,
// runs the engine in one read session, and caches on request + data version.
import { findDataset } from '../../core/datasets/index.ts';
import { findMetric } from '../../metrics/catalogue/index.ts';
import type { Breakdown, MetricDefinition } from '../../metrics/catalogue/schema.ts';
import { computeBreakdown, computeBreakdowns, type BreakdownRequest, type EngineSettings } from '../../metrics/engine/breakdown.ts';
import { computeCompleteness, completenessSummary, type CompletenessRequest } from '../../metrics/engine/completeness.ts';
import { computeOverview } from '../../metrics/engine/overview.ts';
import { computeSeries, type SeriesRequest } from '../../metrics/engine/series.ts';
import { listSpecialties } from '../../metrics/engine/specialties.ts';
import type { Config } from '../config.ts';
import type { Database } from '../../db/database.ts';
import { dataVersion } from '../../db/schema.ts';
import * as messages from '../messages.ts';
import { ResultCache } from './result-cache.ts';
import { plusGroupSpec } from '../../metrics/engine/plus-groups.ts';
import { isSmall, roundCount, type DisclosureProfile } from '../../metrics/statistics/index.ts';
import { disclosureFaults } from '../../metrics/engine/disclosure-check.ts';

/** A per-request override: the analyst view asks for `disclosure: 'none'` (server/routes/metrics/unsuppressed-view.ts). */
export interface DisclosureOverride {
  disclosure?: DisclosureProfile;
}

/**
 * Every answer passes here on its way out (routes, charts, publications, reports, the CLI): one
 * that would publish an unrounded count, or a value its published counts do not give, is refused.
 */
async function checked<T>(answer: Promise<T>, disclosure: DisclosureProfile): Promise<T> {
  const result = await answer;
  const [fault] = disclosureFaults(result, disclosure);
  if (fault) throw messages.disclosureFault(fault.path, fault.problem);
  return result;
}

export class MetricsService {
  private readonly cache: ResultCache | null;

  constructor(
    private readonly db: Database,
    private readonly config: Pick<Config, 'disclosure' | 'completenessTarget' | 'plusGroups'>,
    cacheResults = true,
  ) {
    this.cache = cacheResults ? new ResultCache() : null;
  }

  /** Read at every request, never copied: an administrator may change the disclosure profile while the server runs. */
  get settings(): EngineSettings {
    return { disclosure: this.config.disclosure, referenceEthnicCategory: 'A', siiReps: 10000, plusGroups: this.config.plusGroups };
  }

  metric(id: string): MetricDefinition {
    const metric = findMetric(id);
    if (!metric) throw messages.metricNotFound(id);
    return metric;
  }

  /** The profile is part of the key, so a disclosed and an unsuppressed answer never stand in for each other. */
  private async cached<T>(parts: unknown[], compute: () => Promise<T>, disclosure: DisclosureProfile = this.settings.disclosure): Promise<T> {
    if (!this.cache) return checked(compute(), disclosure);
    const version = await dataVersion(this.db);
    // The completeness target is a live setting too: an answer computed under another is not reused.
    return this.cache.get(JSON.stringify([version, disclosure, this.config.completenessTarget, ...parts]), () => checked(compute(), disclosure));
  }

  /** The settings for one request: the configured ones, or with its disclosure profile overridden. */
  private settingsFor(override: DisclosureOverride): EngineSettings {
    return override.disclosure ? { ...this.settings, disclosure: override.disclosure } : this.settings;
  }

  /** The catalogue's breakdowns, plus the local PLUS groups where the records can be placed in them. */
  allowedBreakdowns(metric: MetricDefinition): Breakdown[] {
    const plusGroups = this.settings.plusGroups;
    const patientLevel = metric.breakdowns.includes('ethnic_group') && metric.computation.type !== 'external';
    const placeable = metric.computation.type !== 'population-rate' || plusGroupSpec(plusGroups).populationRaw;
    return plusGroups.length && patientLevel && placeable ? [...metric.breakdowns, 'plus_group'] : metric.breakdowns;
  }

  private checkRequest(metric: MetricDefinition, by: Breakdown, by2: Breakdown | null, filters: { specialty: string | null; site: string | null; plus?: string | null; from?: string; to?: string }) {
    const breakdowns = this.allowedBreakdowns(metric);
    const allowed = breakdowns.join(', ');
    if (filters.plus && !this.settings.plusGroups.some((g) => g.id === filters.plus)) {
      throw messages.unknownPlusGroup(filters.plus, this.settings.plusGroups.map((g) => g.id));
    }
    if (filters.plus && !breakdowns.includes('plus_group')) throw messages.noPlusGroupFilter(metric.title);
    if (!breakdowns.includes(by)) throw messages.breakdownNotAllowed(metric.title, by, allowed);
    if (by2) {
      if (metric.computation.type === 'external') throw messages.noSecondBreakdown(metric.title);
      if (!breakdowns.includes(by2)) throw messages.breakdownNotAllowed(metric.title, by2, allowed);
      if (by2 === by || by === 'overall' || by2 === 'overall') throw messages.crossTabNeedsTwoBreakdowns();
    }
    const columns = findDataset(metric.dataset)!.columns.map((c) => c.name);
    if (filters.specialty && !columns.includes('treatment_function_code')) throw messages.noSpecialtyFilter(metric.title, metric.dataset);
    if ((filters.specialty || filters.site) && metric.computation.type !== 'proportion' && metric.computation.type !== 'median') {
      throw messages.noSpecialtyOrSiteFilter(metric.title);
    }
    if (filters.from && filters.to && filters.from > filters.to) throw messages.periodReversed(filters.from, filters.to);
  }

  breakdown(id: string, request: BreakdownRequest, override: DisclosureOverride = {}) {
    const metric = this.metric(id);
    this.checkRequest(metric, request.by, request.by2, request);
    const settings = this.settingsFor(override);
    return this.cached(['breakdown', id, request], () => this.db.withSession((s) => computeBreakdown(s, metric, request, settings)), settings.disclosure);
  }

  /** A page's several breakdowns; proportions come from one scan. */
  breakdowns(id: string, request: Omit<BreakdownRequest, 'by' | 'by2'>, bys: Breakdown[], override: DisclosureOverride = {}) {
    const metric = this.metric(id);
    for (const by of bys) this.checkRequest(metric, by, null, request);
    const settings = this.settingsFor(override);
    return this.cached(['breakdowns', id, request, bys], async () => ({
      results: await this.db.withSession((s) => computeBreakdowns(s, metric, request, [...new Set(bys)], settings)),
    }), settings.disclosure);
  }

  series(id: string, request: SeriesRequest, override: DisclosureOverride = {}) {
    const metric = this.metric(id);
    this.checkRequest(metric, request.by, null, request);
    const target = metric.kind === 'completeness' ? this.config.completenessTarget : metric.target;
    const settings = this.settingsFor(override);
    return this.cached(['series', id, request], () => this.db.withSession((s) => computeSeries(s, metric, request, settings, target)), settings.disclosure);
  }

  overview(period: { from?: string; to?: string }) {
    return this.cached(['overview', period], () => this.db.withSession((s) => computeOverview(s, this.settings, period)));
  }

  completeness(request: CompletenessRequest, override: DisclosureOverride = {}) {
    if (request.from && request.to && request.from > request.to) throw messages.periodReversed(request.from, request.to);
    const columns = findDataset(request.dataset)!.columns.map((c) => c.name);
    if (request.by === 'specialty' && !columns.includes('treatment_function_code')) {
      throw messages.noSpecialtyBreakdown(request.dataset);
    }
    const { disclosure } = this.settingsFor(override);
    return this.cached(['completeness', request], () => this.db.withSession((s) => computeCompleteness(s, request, this.config.completenessTarget, disclosure)), disclosure);
  }

  completenessSummary() {
    return this.cached(['completeness-summary'], async () => ({
      target: this.config.completenessTarget,
      disclosure: this.settings.disclosure,
      rows: await this.db.withSession((s) => completenessSummary(s, this.settings.disclosure)),
    }));
  }

  /** The specialty list, its activity counts under the disclosure profile (the order stays that of the true counts). */
  specialties() {
    const profile = this.settings.disclosure;
    return this.cached(['specialties'], async () => ({
      specialties: (await this.db.withSession((s) => listSpecialties(s))).map((s) => ({ ...s, activity: isSmall(s.activity, profile) ? null : roundCount(s.activity, profile) })),
    }));
  }
}

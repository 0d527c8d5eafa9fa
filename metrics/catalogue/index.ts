import ae4Hour from './indicators/ae-4-hour.ts';
import aeAttendanceRate from './indicators/ae-attendance-rate.ts';
import cancerEarlyStage from './indicators/cancer-early-stage.ts';
import cancerEmergencyPresentation from './indicators/cancer-emergency-presentation.ts';
import copdEmergency from './indicators/copd-emergency.ts';
import copdVaccination from './indicators/copd-vaccination.ts';
import cypAsthmaEmergency from './indicators/cyp-asthma-emergency.ts';
import cypDiabetesEmergency from './indicators/cyp-diabetes-emergency.ts';
import cypEpilepsyEmergency from './indicators/cyp-epilepsy-emergency.ts';
import cypMhAccess from './indicators/cyp-mh-access.ts';
import cypToothExtraction from './indicators/cyp-tooth-extraction.ts';
import diabetes8CareProcesses from './indicators/diabetes-8-care-processes.ts';
import electiveAdmissionRate from './indicators/elective-admission-rate.ts';
import hypertensionTreatedToTarget from './indicators/hypertension-treated-to-target.ts';
import lipidOptimisation from './indicators/lipid-optimisation.ts';
import maternityContinuityOfCarer from './indicators/maternity-continuity-of-carer.ts';
import maternityPreterm from './indicators/maternity-preterm.ts';
import maternitySmokingDelivery from './indicators/maternity-smoking-delivery.ts';
import mhaDetentionRate from './indicators/mha-detention-rate.ts';
import miStrokeEmergency from './indicators/mi-stroke-emergency.ts';
import opDnaRate from './indicators/op-dna-rate.ts';
import opVirtualShare from './indicators/op-virtual-share.ts';
import rttMedianWait from './indicators/rtt-median-wait.ts';
import rttOver18Weeks from './indicators/rtt-over-18-weeks.ts';
import rttOver52Weeks from './indicators/rtt-over-52-weeks.ts';
import rttOver65Weeks from './indicators/rtt-over-65-weeks.ts';
import smiHealthChecks from './indicators/smi-health-checks.ts';
import talkingTherapiesRecovery from './indicators/talking-therapies-recovery.ts';
import { COMPLETENESS_METRICS } from './completeness.ts';
import type { MetricDefinition } from './schema.ts';

/** The indicators of the statement on information on health inequalities (docs/catalogue.md), in catalogue order. */
export const STATEMENT_METRICS: MetricDefinition[] = [
  ae4Hour,
  aeAttendanceRate,
  cancerEarlyStage,
  cancerEmergencyPresentation,
  copdEmergency,
  copdVaccination,
  cypAsthmaEmergency,
  cypDiabetesEmergency,
  cypEpilepsyEmergency,
  cypMhAccess,
  cypToothExtraction,
  diabetes8CareProcesses,
  electiveAdmissionRate,
  hypertensionTreatedToTarget,
  lipidOptimisation,
  maternityContinuityOfCarer,
  maternityPreterm,
  maternitySmokingDelivery,
  mhaDetentionRate,
  miStrokeEmergency,
  opDnaRate,
  opVirtualShare,
  rttMedianWait,
  rttOver18Weeks,
  rttOver52Weeks,
  rttOver65Weeks,
  smiHealthChecks,
  talkingTherapiesRecovery,
];

/** Everything the engine can compute: the statement indicators, then data-quality completeness. */
export const CATALOGUE: MetricDefinition[] = [...STATEMENT_METRICS, ...COMPLETENESS_METRICS];

const byId = new Map(CATALOGUE.map((m) => [m.id, m]));
if (byId.size !== CATALOGUE.length) throw new Error('Duplicate metric id in the catalogue');

export function findMetric(id: string): MetricDefinition | undefined {
  return byId.get(id);
}

export { BREAKDOWNS, METHOD_OF, type Breakdown, type MetricDefinition } from './schema.ts';

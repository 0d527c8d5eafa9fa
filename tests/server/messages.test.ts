import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import * as messages from '../../server/messages.ts';
import { EDITABLE_SETTINGS, FIXED_SETTINGS } from '../../server/settings/catalogue.ts';

type Catalogue = typeof messages;

/** Sample arguments for every function of the catalogue: a new function that is not listed fails to compile. */
const samples: { [K in keyof Catalogue]: Parameters<Catalogue[K]> } = {
  unauthenticated: [],
  forbiddenRole: ['admin'],
  noAccounts: [],
  crossOrigin: [],
  missingCsrfToken: [],
  forbiddenHost: [],
  undeclaredAccess: [],
  invalidCredentials: [],
  tooManySignIns: [90],
  tooManyAtOnce: [],
  hashingBusy: [],
  ssoUnavailable: [],
  userNotFound: ['ada'],
  userExists: ['ada'],
  ssoAccountHasNoPassword: ['ada'],
  lastAdmin: [],
  weakPassword: ['The password must be at least 12 characters.'],
  disclosureFault: ['$.rows[0].numerator', '1122 is not a multiple of 5'],
  metricNotFound: ['no-such-metric'],
  unknownPlusGroup: ['rough-sleepers', []],
  noPlusGroupFilter: ['DNA rate'],
  breakdownNotAllowed: ['DNA rate', 'site', 'overall, imd_quintile'],
  noSecondBreakdown: ['Smoking prevalence'],
  crossTabNeedsTwoBreakdowns: [],
  noSpecialtyFilter: ['Preterm births', 'maternity'],
  noSpecialtyOrSiteFilter: ['Admissions per 1,000'],
  periodReversed: ['2025-03-01', '2025-01-01'],
  noSpecialtyBreakdown: ['ae'],
  unsuppressedForbidden: [],
  unsuppressedExport: [],
  trendChartBreakdown: [],
  noGapSeries: ['DNA rate'],
  heatmapNeedsBy2: [],
  completenessGroupsNeedsBy: [],
  noCompletenessIndicator: ['ethnic_category', 'outpatient'],
  chartTooSmall: [100, 120, 220],
  publishedChartNotFound: ['abc123'],
  publishedChartWithdrawn: [{ id: 'abc123', withdrawnAt: '2025-06-01 10:00:00' }],
  unknownIndicators: [['no-such-metric']],
  noIndicators: [],
  tooManyIndicators: [],
  reportTemplateNotFound: ['monthly'],
  pdfUnavailable: ['/usr/bin/chromium'],
  notMultipart: [],
  invalidUploadFields: ['dataset: Required'],
  unreadableUpload: [],
  noFileUploaded: [],
  uploadOverLimit: [200 * 1048576],
  uploadTooLarge: [],
  unknownDataset: ['gp', ['outpatient', 'ae']],
  invalidMapping: [],
  extractNotFound: ['x1'],
  loadedExtractNotFound: ['x1'],
  settingNotFound: ['colour'],
  readOnlySetting: [FIXED_SETTINGS[0]],
  invalidSetting: [EDITABLE_SETTINGS[0]],
  backupCliOnly: [],
  invalidBackupPath: ['The backup must be written outside the data folder.'],
  pageNotFound: [],
};

describe('the server message catalogue', () => {
  it('lists sample arguments for every function it exports', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(messages).sort());
  });

  it.each(Object.keys(samples) as (keyof Catalogue)[])('%s returns a coded error with a status and a message a person can read', (name) => {
    const error = (messages[name] as (...args: unknown[]) => unknown)(...samples[name]);
    expect(error).toBeInstanceOf(AppError);
    const { code, message, status } = error as AppError;
    expect(code).toMatch(/^[a-z_]+$/);
    expect(message.trim().length).toBeGreaterThan(10);
    expect(message).not.toMatch(/undefined|\[object Object\]/);
    expect(status).toBeGreaterThanOrEqual(400);
  });
});

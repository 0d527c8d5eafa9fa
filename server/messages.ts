// Every error the server raises, in one place (style.md, after Vega-Lite's src/log/message.ts):
// each function is named for the situation, takes the variable parts, and returns the AppError.
// Tests assert on these functions, not on copied strings.
import { fileMessages } from '../core/text/ingest-messages.ts';
import { formatDateTime } from '../core/text/format.ts';
import { AppError, badRequest, notFound } from './errors.ts';
import type { EditableSetting, FixedSetting } from './settings/catalogue.ts';
import { settingMessages } from './settings/messages.ts';

// Access (server/auth/guard.ts)
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in first: this needs a Parity account.', 401);
export const forbiddenRole = (role: string) => new AppError('forbidden', `Your account cannot do this: it needs the ${role} role. Ask a Parity administrator.`, 403);
export const noAccounts = () =>
  new AppError('no_accounts', 'This server has no accounts yet. An administrator must run `npx parity user add NAME --role admin` on the server.', 503);
export const crossOrigin = () => new AppError('cross_origin', 'This request came from another site and was refused.', 403);
export const missingCsrfToken = () => new AppError('csrf', 'The request is missing its security token. Reload the page and try again.', 403);
export const forbiddenHost = () => new AppError('forbidden_host', 'This local server only answers to localhost.', 403);
export const undeclaredAccess = () => new AppError('forbidden', 'This route does not say who may call it, so nobody may. This is a fault in Parity: please report it.', 403);

// Sign-in and accounts
export const invalidCredentials = () => new AppError('invalid_credentials', 'That user name and password do not match an account. Check them and try again.', 401);
export const tooManySignIns = (waitSeconds: number) =>
  new AppError('too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(waitSeconds / 60)} minute${waitSeconds > 60 ? 's' : ''}.`, 429);
export const tooManyAtOnce = () =>
  new AppError('too_many_attempts', 'Too many sign-ins for this account or address are being checked at once. Try again in a few seconds.', 429);
export const hashingBusy = () =>
  new AppError('busy', 'The server is checking too many passwords at once. Wait a few seconds and try again.', 503);
export const ssoUnavailable = () =>
  new AppError('sso_unavailable', 'Single sign-on is unavailable: Parity cannot reach the identity provider. Try again later, or ask an administrator.', 503);
export const userNotFound = (name: string) => notFound(`User "${name}"`);
export const userExists = (name: string) => new AppError('user_exists', `There is already an account called "${name}".`, 409);
export const ssoAccountHasNoPassword = (name: string) => new AppError('sso_account', `${name} signs in through single sign-on and has no password to change.`, 409);
export const lastAdmin = () => new AppError('last_admin', 'This is the only admin account: add another admin first, so someone can still manage Parity.', 409);
/** `problem` is passwordProblem's text. */
export const weakPassword = (problem: string) => badRequest('weak_password', problem);

// Metric requests (server/services/metrics-service.ts)
/** A result that would publish more than its disclosure profile allows: a fault in Parity, so it is not sent. */
export const disclosureFault = (path: string, problem: string) =>
  new AppError('disclosure_fault', `This answer was not sent: at ${path}, ${problem}, which disclosure control does not allow. This is a fault in Parity: please report it.`, 500);
export const metricNotFound = (id: string) => notFound(`Metric "${id}"`);
export const unknownPlusGroup = (id: string, configured: string[]) =>
  badRequest('invalid_filter', `No PLUS group "${id}" is configured. Configured: ${configured.join(', ') || 'none'}.`);
export const noPlusGroupFilter = (title: string) => badRequest('invalid_filter', `"${title}" cannot be filtered to a PLUS group.`);
export const breakdownNotAllowed = (title: string, by: string, allowed: string) =>
  badRequest('invalid_breakdown', `"${title}" cannot be broken down by ${by}. Choose one of: ${allowed}.`);
export const noSecondBreakdown = (title: string) =>
  badRequest('invalid_breakdown', `"${title}" is published one breakdown at a time; a second breakdown is not available.`);
export const crossTabNeedsTwoBreakdowns = () => badRequest('invalid_breakdown', 'A cross-tab needs two different breakdowns, neither of them overall.');
export const noSpecialtyFilter = (title: string, dataset: string) =>
  badRequest('invalid_filter', `"${title}" has no specialty (its ${dataset} extract carries no treatment function).`);
export const noSpecialtyOrSiteFilter = (title: string) =>
  badRequest('invalid_filter', `"${title}" is a population rate or a published figure and cannot be filtered by specialty or site.`);
export const periodReversed = (from: string, to: string) => badRequest('invalid_date', `The period starts (${from}) after it ends (${to}).`);
export const noSpecialtyBreakdown = (dataset: string) =>
  badRequest('invalid_breakdown', `The ${dataset} extract has no treatment function, so it cannot be split by specialty.`);
export const unsuppressedForbidden = () =>
  new AppError('forbidden', 'Unsuppressed figures are for analysts and admins: your account sees disclosure-controlled figures. Leave out view=unsuppressed.', 403);
export const unsuppressedExport = () =>
  badRequest('unsuppressed_export', 'An Arrow download is a file, and files always apply the disclosure profile: leave out view=unsuppressed, or ask for JSON.');

// Charts and published charts
export const trendChartBreakdown = () =>
  badRequest('invalid_chart', 'A trend chart shows the trust overall (by=overall) or the gap between IMD quintiles 1 and 5 (by=imd_quintile).');
export const noGapSeries = (title: string) => badRequest('invalid_chart', `"${title}" has no IMD quintile 1 – quintile 5 gap series.`);
export const heatmapNeedsBy2 = () => badRequest('invalid_chart', 'A heat map needs a second breakdown (by2).');
export const completenessGroupsNeedsBy = () =>
  badRequest('invalid_chart', 'The completeness-groups chart compares specialties or sites: add by=specialty or by=site.');
export const noCompletenessIndicator = (field: string, dataset: string) => badRequest('invalid_chart', `No completeness indicator for ${field} in ${dataset}.`);
export const chartTooSmall = (height: number, chrome: number, needed: number) =>
  new AppError('too_small', `A height of ${height} px leaves no room for the chart at this width: its title and footnotes need ${chrome} px. Ask for at least ${needed} px, or leave height out.`, 400);
export const publishedChartNotFound = (id: string) => notFound(`Published chart "${id}"`);
/** Public: says when, never who (an account name is not for the public). */
export const publishedChartWithdrawn = (s: { id: string; withdrawnAt: string | null }) =>
  new AppError('withdrawn', `Published chart ${s.id} was withdrawn on ${formatDateTime(s.withdrawnAt)}; it is no longer published.`, 410);

// Reports
export const unknownIndicators = (ids: string[]) =>
  badRequest('invalid_indicator', `Unknown indicator${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}. See GET /api/metrics for the catalogue.`);
export const noIndicators = () => badRequest('invalid_indicator', 'Pick at least one indicator.');
export const tooManyIndicators = () => badRequest('invalid_indicator', 'A board report takes at most 40 indicators.');
export const reportTemplateNotFound = (name: string) => notFound(`Report template "${name}"`);
export const pdfUnavailable = (path: string) =>
  new AppError(
    'pdf_unavailable',
    `PDF export needs Chromium on the server (${path}, the Debian package "chromium"), and it is not installed. Open the report in your browser and use Print → Save as PDF instead: the page is laid out for A4 and keeps every chart on one page.`,
    503,
  );

// Extracts and uploads
export const notMultipart = () => badRequest('not_multipart', 'Send the extract as multipart/form-data with a "file" part and a "dataset" field.');
export const invalidUploadFields = (issues: string) => badRequest('invalid_upload', `The upload's fields are not valid — ${issues}.`);
export const unreadableUpload = () =>
  badRequest('invalid_upload', 'The upload could not be read. Send it as multipart/form-data with a "file" part and a "dataset" field.');
export const noFileUploaded = () => badRequest('no_file', 'No file was uploaded. Send the CSV as the "file" part of a multipart/form-data request.');
export const uploadOverLimit = (maxBytes: number) =>
  new AppError('too_large', `The file is larger than the ${Math.round(maxBytes / 1048576)} MB limit. Split it by month, or ask an administrator to raise PARITY_MAX_UPLOAD_MB.`, 413);
export const uploadTooLarge = () => new AppError('too_large', 'The file is larger than this server accepts.', 413);
export const unknownDataset = (id: string, known: string[]) => badRequest('unknown_dataset', fileMessages.unknownDataset(id, known));
export const invalidMapping = () => badRequest('invalid_mapping', 'The mapping must be the name of a saved mapping, or a JSON object of column name → header.');
export const extractNotFound = (id: string) => notFound(`Extract ${id}`);
export const loadedExtractNotFound = (id: string) => notFound(`Loaded extract ${id}`);

// Settings and administration
export const settingNotFound = (key: string) => notFound(`Setting "${key}"`);
export const readOnlySetting = (s: FixedSetting) => new AppError('read_only_setting', settingMessages.readOnly(s), 400);
export const invalidSetting = (s: EditableSetting) => new AppError('invalid_setting', settingMessages.notAllowed(s), 400);
export const backupCliOnly = () => new AppError('cli_only', 'Backups are made on the server with `npx parity backup FILE`.', 403);
/** `problem` is backupTargetProblem's text. */
export const invalidBackupPath = (problem: string) => badRequest('invalid_backup_path', problem);

// Pages
export const pageNotFound = () =>
  new AppError('not_found', 'There is no such page, file or endpoint. If a page of Parity asked for it, reload the page: Parity may have been updated.', 404);

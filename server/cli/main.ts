import type { CliContext, Command } from './command.ts';
import { EXIT } from './command.ts';

const USAGE = `Usage: parity <command> [options]

Commands:
  serve [--port N] [--db PATH]           serve the web app and API (loads the sample trust on first start)
  sample [--out DIR] [--seed N] [--patients N]
                                         write the synthetic sample trust, one CSV per dataset
  ingest FILE --dataset ID [--db PATH] [--mapping NAME|FILE] [--replace EXTRACT_ID] [--json]
                                         load an extract
  metrics [--json]                       list the indicator catalogue
  report METRIC_ID --by BREAKDOWN [--by2 B] [--from DATE] [--to DATE] [--specialty TFC] [--site S] [--level 95|99.8] [--json]
                                         one indicator broken down (the API's result object with --json)
  user add NAME --role admin|analyst|viewer [--password-stdin | --sso] | user list | user remove NAME
  user passwd NAME [--password-stdin] | user role NAME --role R | user signout NAME|--all
                                         manage accounts (with none, Parity serves this machine only)
  settings list [--json] | settings set KEY VALUE | settings reset KEY
                                         the settings an administrator can change while Parity runs
  backup FILE.duckdb [--db PATH]         a consistent copy of the database, while the server runs or not

Exit codes: 0 loaded or duplicate, 1 rejected, 2 usage error.`;

/** Commands load lazily so `parity ingest` does not pay for the web server's imports. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  sample: async () => (await import('./commands/sample.ts')).sampleCommand,
  ingest: async () => (await import('./commands/ingest.ts')).ingestCommand,
  metrics: async () => (await import('./commands/metrics.ts')).metricsCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
  settings: async () => (await import('./commands/settings.ts')).settingsCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
};

const processContext: CliContext = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export async function main(argv: string[], ctx: CliContext = processContext): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    ctx.stderr(`Unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  return (await load())(args, ctx);
}

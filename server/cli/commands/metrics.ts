import { CATALOGUE } from '../../../metrics/catalogue/index.ts';
import { publicMetric } from '../../../metrics/engine/public-metric.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';

const USAGE = 'Usage: parity metrics [--json]';

/** Lists the catalogue: no database needed, it is part of the program. */
export const metricsCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(args, { json: { type: 'boolean' } });
  if (!parsed.ok) {
    ctx.stderr(`${parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const metrics = CATALOGUE.map(publicMetric);
  if (parsed.values.json) {
    ctx.stdout(JSON.stringify({ metrics }));
    return EXIT.ok;
  }
  const width = Math.max(...metrics.map((m) => m.id.length));
  for (const m of metrics) ctx.stdout(`${m.id.padEnd(width)}  ${m.title} [${m.unit}; ${m.breakdowns.join(', ')}]`);
  return EXIT.ok;
};

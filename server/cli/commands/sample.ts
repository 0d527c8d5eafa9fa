import { resolve } from 'node:path';
import { generateSample } from '../../../pipelines/sample/index.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';

const USAGE = 'Usage: parity sample [--out DIR] [--seed N] [--patients N]';

export const sampleCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(args, { out: { type: 'string' }, seed: { type: 'string' }, patients: { type: 'string' } });
  if (!parsed.ok) {
    ctx.stderr(`${parsed.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const seed = parsed.values.seed === undefined ? undefined : Number(parsed.values.seed);
  const patients = parsed.values.patients === undefined ? undefined : Number(parsed.values.patients);
  if ((seed !== undefined && !Number.isInteger(seed)) || (patients !== undefined && !(Number.isInteger(patients) && patients > 0))) {
    ctx.stderr(`--seed and --patients take whole numbers (patients above 0).\n${USAGE}`);
    return EXIT.usage;
  }
  const outDir = resolve(parsed.values.out ?? 'sample-out');
  const { files, rows } = await generateSample({ outDir, seed, patients });
  for (const [dataset, path] of Object.entries(files)) ctx.stdout(`${path}\t${rows[dataset]} rows`);
  return EXIT.ok;
};

#!/usr/bin/env node
// Entry point of the `parity` command. The sources are TypeScript; tsx compiles them on load so
// there is no separate build step between `npm install` and a working CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

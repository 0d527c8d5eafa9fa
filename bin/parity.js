#!/usr/bin/env node
// Entry point of the `parity` command. The sources are TypeScript with no separate build step
// between `npm install` and a working CLI: compiled.js runs them from a bundle it keeps up to date
// (or through tsx when it cannot).
import { loadMain } from './compiled.js';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));

/** `writ import orders FILE.ndjson` (issue 9): being built; registers nothing yet. */
import type { Command } from 'commander';
import type { Config } from '../config.js';

export function registerImportCommands(_program: Command, _config: () => Config): void {}

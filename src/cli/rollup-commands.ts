/** `writ db rebuild-rollups` (issue 9): being built; registers nothing yet. */
import type { Command } from 'commander';
import type { Config } from '../config.js';

export function registerRollupCommands(_db: Command, _config: () => Config): void {}

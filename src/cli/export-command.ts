/** Issue 13 — `writ export FORMAT --out PATH [--period YYYY-HN]`. (Placeholder: the command is added here.) */
import type { Command } from 'commander';
import type { Config } from '../config.js';

export function registerExportCommand(_program: Command, _config: () => Config): void {}

/** Issue 13 — `writ publish --out DIR: the whole public site as static files`. (Placeholder: the command is added here.) */
import type { Command } from 'commander';
import type { Config } from '../config.js';

export function registerPublishCommand(_program: Command, _config: () => Config): void {}

/** Issue 13 — `writ verify --site URL|DIR: check a published site's transparency log from outside`. (Placeholder: the command is added here.) */
import type { Command } from 'commander';
import type { Config } from '../config.js';

export function registerVerifyCommand(_program: Command, _config: () => Config): void {}

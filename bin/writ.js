#!/usr/bin/env node
// The `writ` command: runs the TypeScript sources through tsx (Node 20 cannot strip types itself).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

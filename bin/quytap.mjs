#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a devDependency) so `npx quytap …` works in a checkout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A young generation of 16 MB: Node's default grows it to 64 MB a semi-space, which a batch job
// such as printing a heavy A0 sheet pays for in peak memory (~120 MB) without running faster.
const r = spawnSync(process.execPath, ['--max-semi-space-size=16', '--import', 'tsx', join(root, 'src/main/cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

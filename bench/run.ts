// npm run bench: prints the figures the issues name. Figures go to docs/BENCHMARKS.md.
// Usage: npm run bench [-- store]   (no argument = every group)
import { cpus, totalmem } from 'node:os';
import { storeBench } from './store-bench';
import { printBench } from './print-bench';
import { reviewBench } from './review-bench';
import { draftingBench } from './drafting-bench';
import { exchangeBench } from './exchange-bench';
import { basemapsBench } from './basemaps-bench';
import { rollupBench } from './rollup-bench';
import { cemeteryBench } from './cemetery-bench';
import { hallBench } from './hall-bench';

const groups: Record<string, () => Promise<void>> = { store: storeBench, print: printBench, review: reviewBench, drafting: draftingBench, exchange: exchangeBench, basemaps: basemapsBench, rollup: rollupBench, cemetery: cemeteryBench, hall: hallBench };
const wanted = process.argv.slice(2).filter((a) => groups[a]);

console.log(`# QuyTap bench — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const name of wanted.length ? wanted : Object.keys(groups)) {
  console.log(`\n## ${name}`);
  await groups[name]();
}


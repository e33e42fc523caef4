// `review.run` on a project, through the real dispatcher, in a process of its own: a test that
// spawns it with a timeout fails if the checks never answer (a frozen event loop in the test's own
// process could not be stopped). Prints the findings as JSON.
//   node --import tsx tests/support/review-run-child.ts <projects folder> <project path>
import { bootServices } from './boot-services';

const [dir, path] = process.argv.slice(2);
const env = await bootServices({ dir });
await env.call('project.open', { path: path! });
const run = await env.call('review.run', {});
process.stdout.write(JSON.stringify(run.findings));
process.exit(0);

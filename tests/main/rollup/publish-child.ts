// Run by kill.test.ts as its own process: publishes, and kills itself (SIGKILL, no clean-up of any
// kind) as soon as the first batch of rows has gone to the server, inside the open transaction.
import { publish } from '../../../src/main/rollup/publish';
import { ProjectStore } from '../../../src/main/store';

const [project, url] = process.argv.slice(2);
const store = ProjectStore.open(project, { access: 'read' });
await publish(store, {
  url,
  author: 'ci',
  onProgress: (p) => {
    if (p.phase === 'send' && p.done > 0) {
      process.stdout.write('killing\n');
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
process.stdout.write('finished\n');

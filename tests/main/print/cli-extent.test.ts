// `quytap print --extent … --grid-step …`: a drawn extent printed from the command line (what the
// print bench asks of a project with no commune boundary), and bad values refused before any work.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-extent-'));
const demo = join(dir, 'demo.gpkg');
const quytap = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'print', ...args], { encoding: 'utf8' });
let box: number[] = [];

beforeAll(async () => {
  await createDemoProject(demo, { author: 'test' });
  const store = ProjectStore.open(demo);
  const e = store.info().layers.find((l) => l.table === 'search_areas')!.extent!;
  store.close();
  // The south-west quarter of the search areas, in whole metres.
  box = [e[0], e[1], (e[0] + e[2]) / 2, (e[1] + e[3]) / 2].map(Math.round);
}, 120_000);

describe('quytap print --extent', () => {
  it('prints the extent at the scale asked, with the grid interval asked', () => {
    const out = join(dir, 'extent.pdf');
    const r = quytap(demo, '--extent', box.join(','), '--paper', 'A0', '--scale', '50000', '--grid-step', '1000', '--grid-labels', 'm', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1:50000');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+3370\.39 x 2383\.94 pts/);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Lưới km: 1 km');
    // Full-metre grid labels, a kilometre apart, inside the extent's eastings.
    const eastings = [...text.matchAll(/\b(\d{6})\b/g)].map((m) => Number(m[1])).filter((v) => v >= box[0] && v <= box[2]);
    expect(eastings.length).toBeGreaterThan(3);
    for (const v of eastings) expect(v % 1000).toBe(0);
  });

  it('a malformed extent or grid step is refused with the usage, and writes nothing', () => {
    const out = join(dir, 'bad.pdf');
    for (const bad of [['--extent', '1,2,3'], ['--extent', `${box[2]},${box[1]},${box[0]},${box[3]}`], ['--extent', box.join(','), '--grid-step', '5']]) {
      const r = quytap(demo, ...bad, '--out', out);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--extent|--grid-step/);
      expect(existsSync(out)).toBe(false);
    }
    const both = quytap(demo, '--district', '--extent', box.join(','), '--out', out);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('choose exactly one');
  });
});

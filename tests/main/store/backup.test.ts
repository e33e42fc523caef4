// Rotating backups through SQLite's backup API.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ProjectStore } from '../../../src/main/store';
import { backupStamp, listBackups } from '../../../src/main/store/backup';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

it('names backups <name>-YYYYMMDD-HHMMSS.gpkg in local time', () => {
  expect(backupStamp(new Date(2019, 5, 20, 7, 5, 9))).toBe('20190620-070509');
});

it('keeps exactly the newest N backups, each a valid project with the data of its moment', async () => {
  const path = join(tmp.dir, 'Krông Nô.gpkg');
  const dir = join(tmp.dir, 'sao lưu');
  const store = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
  // files that only look alike are never touched
  writeFileSync(join(tmp.dir, 'Krông Nô-ghi chú.gpkg'), 'x');
  const made: string[] = [];
  for (let i = 0; i < 6; i++) {
    store.applyEdit({ label: `Mộ ${i}`, put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0 + i, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ ${i}` } }] }, AUTHOR);
    made.push(await store.backup(dir, 3));
  }
  store.close();
  const files = readdirSync(dir).sort();
  expect(files).toHaveLength(3);
  expect(files.every((f) => /^Krông Nô-\d{8}-\d{6}(-\d+)?\.gpkg$/.test(f))).toBe(true);
  // the three kept are the three last made (same-second backups get -1, -2…)
  expect(listBackups(dir, 'Krông Nô').map((b) => join(dir, b.name))).toEqual(made.slice(-3));
  for (const [k, f] of made.slice(-3).entries()) {
    const b = ProjectStore.open(f);
    expect(b.info().layers.find((l) => l.table === 'graves')!.count).toBe(4 + k);
    b.close();
  }
  expect(readdirSync(tmp.dir)).toContain('Krông Nô-ghi chú.gpkg');
});

// One writing process per project file: a second process is refused, naming the first; readers are
// not; a killed owner's lock is taken over; the lock goes with the close.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { ProjectStore } from '../../../src/main/store';
import { lockPathOf } from '../../../src/main/store/project-lock';
import { bundleFixture, deadPid, ROOT, spawnFixture } from './child-process';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir('quytap-lock-');
afterAll(() => tmp.cleanup());
let CHILD = '';
beforeAll(async () => {
  CHILD = await bundleFixture('crash-recovery-child', tmp.dir);
});
let n = 0;

function project(): string {
  const path = join(tmp.dir, `l${++n}.gpkg`);
  const s = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
  s.applyEdit({ label: 'Mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ Đắk Drô' } }] }, AUTHOR);
  s.close();
  return path;
}

/** Another process with the project open for writing, once it has said so. */
function holder(path: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnFixture(CHILD, [path, 'hold', 'x', '0']);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('open') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder ended with ${code}: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function refusal(path: string): ApiError {
  try {
    ProjectStore.open(path).close();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the open to be refused');
}

describe('the project write lock', () => {
  it('refuses a second writing process, naming the first; readers still read; a kill -9 leaves a lock the next open takes over', async () => {
    const path = project();
    const child = await holder(path);
    try {
      const e = refusal(path);
      expect(e.code).toBe('conflict');
      expect(e.vi).toContain(`Dự án đang được mở ở trên máy này (tiến trình ${child.pid})`);
      expect(e.en).toContain(`process ${child.pid}`);
      // readers (quytap info, check, print) neither need nor take the lock
      const reader = ProjectStore.open(path, { access: 'read' });
      expect(reader.readOnly).toBe(true);
      expect(reader.query('graves').rows).toHaveLength(1);
      reader.close();
      expect(existsSync(lockPathOf(path))).toBe(true);
    } finally {
      await killed(child);
    }
    // the killed holder's lock is still there, naming a dead process: taken over
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ pid: child.pid, host: hostname() });
    const s = ProjectStore.open(path);
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ pid: process.pid });
    s.applyEdit({ label: 'sau', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }, AUTHOR);
    s.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('lets this process open the project twice and keeps the lock until both are closed', () => {
    const path = project();
    const a = ProjectStore.open(path);
    const b = ProjectStore.open(path);
    a.close();
    expect(existsSync(lockPathOf(path))).toBe(true);
    b.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('takes over a lock of a dead process of this computer, or one not refreshed for long', () => {
    const path = project();
    writeFileSync(lockPathOf(path), JSON.stringify({ pid: deadPid(), host: hostname(), app: 'QuyTap', since: '2019-06-20T07:00:00Z' }));
    ProjectStore.open(path).close();
    expect(existsSync(lockPathOf(path))).toBe(false);

    writeFileSync(lockPathOf(path), JSON.stringify({ pid: 4242, host: 'may-khac', app: 'QuyTap', since: '2019-06-20T07:00:00Z' }));
    const old = new Date(Date.now() - 3600_000);
    utimesSync(lockPathOf(path), old, old);
    ProjectStore.open(path).close();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('refuses while another computer holds a lock it keeps refreshing, naming that computer', () => {
    const path = project();
    writeFileSync(lockPathOf(path), JSON.stringify({ pid: 4242, host: 'may-huyen-2', app: 'QuyTap', since: '2019-06-20T07:00:00Z' }));
    const e = refusal(path);
    expect(e.vi).toContain('trên máy "may-huyen-2" (tiến trình 4242)');
    expect(e.details).toMatchObject({ owner: { host: 'may-huyen-2', pid: 4242 } });
    // untouched: it is not ours to remove
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ host: 'may-huyen-2' });
  });

  it('refuses a fresh lock it cannot read (one being written) and takes over an old one', () => {
    const path = project();
    writeFileSync(lockPathOf(path), '');
    expect(refusal(path).code).toBe('conflict');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(path), old, old);
    ProjectStore.open(path).close();
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('lets the CLI read (info, check, export) while this process has the project open, and refuses its writers', () => {
    const path = project();
    const app = ProjectStore.open(path);
    try {
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'ci' } });
      const info = cli('info', path);
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout).toMatch(/graves\s+1/);
      const check = cli('check', path);
      expect(check.stderr).not.toMatch(/đang được mở/);
      expect([0, 1]).toContain(check.status);
      const exported = cli('export', path, '--format', 'geojson', '--layer', 'graves', '--out', join(tmp.dir, `l${n}.geojson`));
      expect(exported.status, exported.stderr).toBe(0);
      const basemap = cli('basemap', 'remove', path, 'khong-co');
      expect(basemap.status).not.toBe(0);
      expect(basemap.stderr).toContain(`Dự án đang được mở ở trên máy này (tiến trình ${process.pid})`);
    } finally {
      app.close();
    }
  });
});

// What the app does when its project cannot be opened or written: the page is told why (once),
// nothing else is opened in its place; an outside lock never holds up other requests.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWritable, ProjectStore } from '../../../src/main/store';
import { backupDirOf } from '../../../src/main/store/backup';
import { systemError } from '../../../src/main/rpc/dispatch';
import { DEMO_FILE_NAME } from '../../../src/main/services/demo-project';
import { bootServices } from '../../support/boot-services';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from '../store/helpers';

const tmp = tempDir('quytap-open-fail-');
afterAll(() => tmp.cleanup());

const grave = (name: string) => ({ table: 'graves' as const, geometry: { type: 'Point' as const, coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name } });

describe('start-up with a last project that cannot be opened', () => {
  it('opens neither the demo nor a backup: the first project.info says why, offering the backup; then the start screen', async () => {
    const dir = join(tmp.dir, 'projects');
    const first = await bootServices({ dir });
    const path = join(dir, 'Krông Nô.gpkg');
    const s = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
    s.applyEdit({ label: 'Mộ', put: [grave('Mộ 1')] }, AUTHOR);
    const backup = await s.backup(backupDirOf(path), 3);
    s.close();
    first.services.paths.remember(path);
    first.services.close();
    // damaged since (page 2 wiped)
    const bytes = Buffer.from(readFileSync(path));
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize, pageSize * 2);
    writeFileSync(path, bytes);

    const app = await bootServices({ dir });
    await app.services.openLastOrDemo();
    const e = await app.callErr('project.info', {});
    expect(e.code).toBe('bad_request');
    expect(e.vi).toMatch(/bị hỏng/);
    expect(e.details).toMatchObject({ path, latestBackup: { path: backup } });
    // told once: afterwards the start screen (no project open), and no demo was built or opened
    expect((await app.callErr('project.info', {})).code).toBe('no_project');
    expect(app.services.paths.list().map((p) => p.fileName)).not.toContain(DEMO_FILE_NAME);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    app.services.close();
  });
});

describe('another program holding the project file for writing', () => {
  it('a write answers within half a second with a retryable error, and a read meanwhile answers at once', async () => {
    const app = await bootServices({ dir: join(tmp.dir, 'busy') });
    await app.call('project.create', { fileName: 'Đắk Drô.gpkg', settings: SETTINGS, crsCode: 'EPSG:9218' });
    const info = await app.call('project.info', {});
    const outside = openWritable(info.path);
    outside.exec('BEGIN IMMEDIATE');
    try {
      const t0 = performance.now();
      const [write, read] = await Promise.all([app.callErr('edits.apply', { label: 'Mộ', put: [grave('Mộ 2')] }), app.call('project.info', {})]);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(write.code).toBe('conflict');
      expect(write.vi).toContain('Tệp dự án đang bị chương trình khác khóa');
      expect(write.details).toMatchObject({ retryable: true });
      expect(read.fileName).toBe('Đắk Drô.gpkg');
    } finally {
      outside.exec('ROLLBACK');
      outside.close();
    }
    const r = await app.call('edits.apply', { label: 'Mộ', put: [grave('Mộ 2')] });
    expect(r.rows).toHaveLength(1);
    app.services.close();
  });
});

describe('file system refusals', () => {
  it('a full or read-only disk answers in one sentence naming the file, not as an internal bug', () => {
    const full = systemError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/media/usb/bản đồ.pdf' }));
    expect(full).toMatchObject({ code: 'internal', details: { diskFull: true } });
    expect(full!.vi).toContain('Ổ đĩa đã đầy, không ghi được tệp "bản đồ.pdf"');
    const ro = systemError(Object.assign(new Error('EROFS'), { code: 'EROFS', path: '/media/cd/x.gpkg' }));
    expect(ro).toMatchObject({ code: 'forbidden', details: { readOnly: true } });
    expect(systemError(new Error('plain bug'))).toBeNull();
  });
});

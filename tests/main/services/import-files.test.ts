// The imports folder read through ONE file descriptor per file (services/import-files.ts,
// safe-names.ts openUnlinked): a symlink fails to open (O_NOFOLLOW) and a hard link is refused by
// fstat of the open file, both with the usual sentence; and a file swapped for a link AFTER it was
// checked is not what is read: every reader (text, Shapefile stream, GeoPackage copy) goes through
// the fd held since the check. The swap is made deterministic by doing it between the open and the read.
import { spawnSync } from 'node:child_process';
import { copyFileSync, fstatSync, linkSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Geometry } from '../../../src/shared/model';
import { runImport } from '../../../src/main/io/import-run';
import { readDataset } from '../../../src/main/io/read-any';
import { writeDbf, writeShp } from '../../../src/main/io/shp-writer';
import { TM3_108_30_PRJ as PRJ } from '../io/shapefile-fixture';
import { openImportFiles } from '../../../src/main/services/import-files';
import { openUnlinked } from '../../../src/main/services/safe-names';
import { AUTHOR, newProject, tempDir } from '../io/helpers';
import { refusal } from '../support/refusal';

const SECRET = 'x,y,ten\n500000,1350000,BÍ MẬT\n';

const tmp = tempDir('quytap-import-files-');
const imports = join(tmp.dir, 'imports');
const outside = join(tmp.dir, 'outside');
beforeAll(() => {
  mkdirSync(imports);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), SECRET);
  writeFileSync(join(outside, 'rac.bin'), 'không phải dữ liệu');
});
afterAll(() => tmp.cleanup());

/** Open descriptors of this process (Linux): nothing may be left open by a refusal or a close(). */
const openFds = () => readdirSync('/proc/self/fd').length;

/** Replaces `name` in the imports folder by a symlink to (or a hard link of) an outside file. */
function swap(name: string, kind: 'symlink' | 'hard', target = join(outside, 'secret.csv')): void {
  rmSync(join(imports, name));
  if (kind === 'symlink') symlinkSync(target, join(imports, name));
  else linkSync(target, join(imports, name));
}

describe('openUnlinked', () => {
  it('refuses a symlink (even one pointing nowhere) and a hard link with their sentences; no plain file is null; nothing stays open', () => {
    symlinkSync(join(outside, 'secret.csv'), join(imports, 'mem.csv'));
    symlinkSync(join(outside, 'khong-co.csv'), join(imports, 'treo.csv'));
    linkSync(join(outside, 'secret.csv'), join(imports, 'cung.csv'));
    mkdirSync(join(imports, 'thu-muc.csv'));
    const before = openFds();
    for (const name of ['mem.csv', 'treo.csv']) {
      const e = refusal(() => openUnlinked(join(imports, name), name));
      expect(e.code).toBe('forbidden');
      expect(e.vi).toBe(`"${name}" trong thư mục nhập là một liên kết tới tệp khác; QuyTap không đọc qua liên kết. Hãy chép chính tệp đó vào thư mục (hoặc tải lên) rồi thử lại.`);
    }
    const hard = refusal(() => openUnlinked(join(imports, 'cung.csv'), 'cung.csv'));
    expect(hard.en).toBe('"cung.csv" in the imports folder is a hard link (a file with 2 names); QuyTap does not read such files. Copy the file into the folder (a copy, not a link) or upload it and try again.');
    expect(openUnlinked(join(imports, 'thu-muc.csv'), 'thu-muc.csv')).toBeNull();
    expect(openUnlinked(join(imports, 'khong-co.csv'), 'khong-co.csv')).toBeNull();
    expect(openUnlinked(join(imports, 'a\u0000b.csv'), 'a\u0000b.csv')).toBeNull(); // no file has a NUL: not found, not a crash
    expect(openFds()).toBe(before);
    const missing = refusal(() => openImportFiles(imports, ['khong-co.csv']));
    expect(missing.code).toBe('not_found');
    expect(openFds()).toBe(before);
  });

  it('a FIFO is no plain file: null at once, the open does not wait for a writer', () => {
    if (spawnSync('mkfifo', [join(imports, 'ong.csv')]).status !== 0) return; // no mkfifo here
    expect(openUnlinked(join(imports, 'ong.csv'), 'ong.csv')).toBeNull();
  });
});

describe('a file swapped for a link after its check is not what is read', () => {
  it('text: the bytes checked are read, not the link put in their place (symbolic or hard)', async () => {
    for (const kind of ['symlink', 'hard'] as const) {
      writeFileSync(join(imports, 'diem.csv'), 'x,y,ten\n500000,1350000,Đúng\n');
      const held = openImportFiles(imports, ['diem.csv']);
      swap('diem.csv', kind);
      try {
        const ds = await readDataset(held.files);
        const text = JSON.stringify(ds.layers[0]!.features);
        expect(text, kind).toContain('Đúng');
        expect(text, kind).not.toContain('BÍ MẬT');
      } finally {
        held.close();
      }
      const fd = held.files[0]!.fd!;
      expect(() => fstatSync(fd)).toThrow(/EBADF/);
      rmSync(join(imports, 'diem.csv'));
    }
  });

  it('a Shapefile streamed into the project reads its .shp and .dbf through the fds opened at the check', async () => {
    const geoms: Geometry[] = [0, 1, 2].map((i) => ({ type: 'Point', coordinates: [430_000 + i * 50, 1_370_000] }));
    const { shp, shx } = writeShp('point', geoms);
    writeFileSync(join(imports, 'mo.shp'), shp);
    writeFileSync(join(imports, 'mo.shx'), shx);
    writeFileSync(join(imports, 'mo.dbf'), writeDbf([{ name: 'name', type: 'C', length: 20, decimals: 0 }], [['mộ 1'], ['mộ 2'], ['mộ 3']]));
    writeFileSync(join(imports, 'mo.prj'), PRJ);
    writeFileSync(join(imports, 'mo.cpg'), 'UTF-8');
    const held = openImportFiles(imports, ['mo.shp']);
    expect(held.files.map((f) => f.name).sort()).toEqual(['mo.cpg', 'mo.dbf', 'mo.prj', 'mo.shp', 'mo.shx']);
    swap('mo.shp', 'symlink', join(outside, 'rac.bin'));
    swap('mo.dbf', 'symlink', join(outside, 'rac.bin'));
    const dir = tempDir();
    const store = newProject(dir.dir);
    try {
      await runImport(store, held.files, { table: 'graves', map: { name: 'name' }, defaults: { kind: 'newly_found', verification: 'not_verified' } }, { author: AUTHOR });
      expect(store.query('graves').rows.map((r) => r.props.name).sort()).toEqual(['mộ 1', 'mộ 2', 'mộ 3']);
    } finally {
      held.close();
      store.close();
      dir.cleanup();
    }
  });

  it('a GeoPackage is copied for SQLite through its fd, not reopened by name', async () => {
    const src = tempDir();
    const made = newProject(src.dir, 'goi.gpkg');
    made.close();
    copyFileSync(join(src.dir, 'goi.gpkg'), join(imports, 'goi.gpkg'));
    src.cleanup();
    const held = openImportFiles(imports, ['goi.gpkg']);
    swap('goi.gpkg', 'symlink', join(outside, 'rac.bin'));
    try {
      const ds = await readDataset(held.files);
      expect(ds.format).toBe('gpkg');
      expect(ds.layers.map((l) => l.name)).toContain('graves');
    } finally {
      held.close();
    }
  });
});

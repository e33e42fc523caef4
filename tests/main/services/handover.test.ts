// "The file is the truth": the project's .gpkg copied ALONE (no -wal beside it) holds every edit once
// the project is closed, and after a short idle while it stays open; the hand-over copy is a valid
// GeoPackage (GDAL reads it) with every row; printed PDFs carry commune, paper, scale and sheet.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { openReadOnly, ProjectStore } from '../../../src/main/store';
import { tableCounts } from '../../../src/main/store/handover';
import { bootServices } from '../../support/boot-services';

const IDLE_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Copies the .gpkg alone into a fresh folder (as onto a USB stick) and reads its counts there. */
function countsOfLoneCopy(path: string): { counts: Record<string, number>; attachment: (id: string) => Buffer | null } {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-usb-'));
  const copy = join(dir, basename(path));
  copyFileSync(path, copy);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  const s = ProjectStore.open(copy, { access: 'read' });
  try {
    const counts = Object.fromEntries(s.info().layers.map((l) => [l.table, l.count]));
    const bytes = new Map<string, Buffer | null>();
    for (const { id } of s.query('attachments').rows) bytes.set(id, s.getAttachmentData(id));
    return { counts, attachment: (id) => bytes.get(id) ?? null };
  } finally {
    s.close();
  }
}

const countsOf = (info: Output<'project.info'>) => Object.fromEntries(info.layers.map((l) => [l.table, l.count]));

describe('the project file alone is complete', () => {
  let env: Awaited<ReturnType<typeof bootServices>>;
  let info: Output<'project.info'>;
  let n = 0;

  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-handover-', checkpointIdleMs: IDLE_MS });
    info = await env.call('project.openDemo', {});
    await env.call('session.setOperator', { name: 'Cán bộ huyện', role: 'admin', communeCode: null });
  }, 120_000);

  /** One new grave with a photo attached: a feature row, an attachment row and its bytes. */
  async function editWithPhoto(): Promise<{ graveId: string; photoId: string; photo: Buffer }> {
    const graveId = randomUUID();
    const [x, y] = [(info.extent![0] + info.extent![2]) / 2 + ++n, (info.extent![1] + info.extent![3]) / 2];
    await env.call('edits.apply', {
      label: 'Thêm mộ',
      put: [{ table: 'graves', id: graveId, geometry: { type: 'Point', coordinates: [x, y] }, props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ ${n}` } }],
    });
    const photo = Buffer.from(`ảnh chụp mộ ${n} ${randomUUID()}`);
    const up = await env.call('attachments.upload', { ownerTable: 'graves', ownerId: graveId, filename: `mo-${n}.jpg`, mime: 'image/jpeg', dataBase64: photo.toString('base64') });
    return { graveId, photoId: up.id, photo };
  }

  it('after "Đóng dự án" (project.close): counts and attachments equal the live project', async () => {
    const { photoId, photo } = await editWithPhoto();
    const live = countsOf(await env.call('project.info', {}));
    expect(statSync(`${info.path}-wal`).size).toBeGreaterThan(0); // the edit is still in the WAL
    // Another program reads the project meanwhile (QGIS, `quytap info`): SQLite's own checkpoint at
    // the last close of a connection never runs then, and the edit would stay in the -wal.
    const reader = openReadOnly(info.path);
    reader.prepare('SELECT count(*) FROM graves').get();
    try {
      expect(await env.call('project.close', {})).toEqual({ closed: true });
    } finally {
      reader.close();
    }
    const lone = countsOfLoneCopy(info.path);
    expect(lone.counts).toEqual(live);
    expect(lone.attachment(photoId)).toEqual(photo);
    expect((await env.callErr('project.info', {})).code).toBe('no_project');
    // The lock is released: another process could open it for writing now.
    expect(existsSync(`${info.path}.lock`)).toBe(false);
  });

  it('after a short idle with the project still open, and not before it', async () => {
    info = await env.call('project.open', { path: info.path });
    const before = countsOf(info);
    const { photoId, photo } = await editWithPhoto();
    const live = countsOf(await env.call('project.info', {}));
    expect(live.graves).toBe(before.graves! + 1);
    expect(statSync(`${info.path}-wal`).size).toBeGreaterThan(0);
    await sleep(IDLE_MS * 4);
    expect(statSync(`${info.path}-wal`).size).toBe(0);
    const lone = countsOfLoneCopy(info.path);
    expect(lone.counts).toEqual(live);
    expect(lone.attachment(photoId)).toEqual(photo);
  });

  it('switching projects leaves the project behind whole in its own file', async () => {
    await editWithPhoto();
    const live = countsOf(await env.call('project.info', {}));
    const other = await env.call('project.create', { fileName: 'khac.gpkg', settings: { title: 'DỰ ÁN KHÁC', province: { code: '67', name: 'Đắk Nông' } } });
    expect(other.readOnly).toBe(false);
    expect(countsOfLoneCopy(info.path).counts).toEqual(live);
    info = await env.call('project.open', { path: info.path });
  });

  it('quitting (services.close, as at server shutdown and Electron quit) checkpoints too', async () => {
    await editWithPhoto();
    const live = countsOf(await env.call('project.info', {}));
    env.services.close();
    expect(countsOfLoneCopy(info.path).counts).toEqual(live);
    info = await env.call('project.open', { path: info.path });
  });

  it('the start screen lists the time of the last edit, not of the last opening', async () => {
    const t0 = new Date().toISOString();
    await editWithPhoto();
    const t1 = new Date().toISOString();
    await sleep(1100);
    await env.call('project.close', {});
    const entry = (await env.call('project.list', {})).find((p) => p.path === info.path)!;
    expect(entry.lastEdit).not.toBeNull();
    expect(entry.lastEdit! >= t0 && entry.lastEdit! <= t1).toBe(true);
    info = await env.call('project.open', { path: info.path });
  });

  it('the hand-over copy is one verified GeoPackage (GDAL reads it) with every row, named by commune and date', async () => {
    await editWithPhoto();
    const h = await env.call('project.handover', {});
    // The demo has five communes and no district: the first commune and the count name the copy.
    expect(h.fileName).toMatch(/^ban-giao-krong-no-va-4-xa-\d{8}-\d{4}\.gpkg$/);
    expect(h.url).toBe(`/bin/exports/${h.fileName}`);
    expect(existsSync(`${h.path}-wal`)).toBe(false);
    expect(countsOf({ ...info, layers: h.counts.map((c) => ({ ...info.layers.find((l) => l.table === c.table)!, count: c.count })) })).toEqual(
      countsOf(await env.call('project.info', {})),
    );
    // Every table, tombstones, audit log and R-trees included, as the live file has them.
    const liveDb = openReadOnly(info.path);
    const copyDb = openReadOnly(h.path);
    try {
      expect(tableCounts(copyDb)).toEqual(tableCounts(liveDb));
      expect(copyDb.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      liveDb.close();
      copyDb.close();
    }
    const ogr = execFileSync('ogrinfo', ['-ro', '-so', '-al', h.path], { encoding: 'utf8' });
    expect(ogr).toMatch(/using driver `GPKG'/);
    const graves = /Layer name: graves[\s\S]*?Feature Count: (\d+)/.exec(ogr);
    expect(Number(graves![1])).toBe(tableCounts(openReadOnly(h.path)).graves);
    // Offered as a download in browser mode.
    const got = await env.services.binaryResponder(`exports/${h.fileName}`, undefined);
    expect(got.status).toBe(200);
    expect(got.body.length).toBe(h.sizeBytes);
  });

  it('a printed PDF is named by commune, paper, scale and sheet and served for download', async () => {
    const r = await env.call('print.pdf', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 10000 } });
    expect(r.fileName).toBe('ban-do-nam-da-A3-1-10000-to-1.pdf');
    expect(r.url).toBe('/bin/prints/ban-do-nam-da-A3-1-10000-to-1.pdf');
    await env.services.jobs.wait(r.job.id);
    const got = await env.services.binaryResponder(`prints/${r.fileName}`, undefined);
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toContain(r.fileName);
    expect(got.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await env.services.binaryResponder('prints/../du-an.gpkg', undefined)).status).toBe(404);
  });
});

// The print contract through the dispatcher: compose for the preview, PDF as a job into the
// project's folder, saved layouts (audited).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootServices } from '../../support/boot-services';
import type { Output } from '../../../src/shared/api';
import { ProjectStore } from '../../../src/main/store';

const boot = () => bootServices({ prefix: 'quytap-print-services-' });

describe('print services', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
  }, 120_000);

  it('compose returns the display list and the report for the preview', async () => {
    const r = await env.call('print.compose', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' } });
    expect(r.list.page).toEqual({ widthMm: 420, heightMm: 297 });
    expect(r.list.items.some((i) => i.kind === 'text' && i.role === 'title')).toBe(true);
    expect(r.report.stats.map((s) => s.name)).toEqual(['Nam Đà']);
  });

  it('bad settings are refused with a bilingual message', async () => {
    const e = await env.callErr('print.compose', { settings: { area: { kind: 'communes', communes: ['Không Có'] } } });
    expect(e.code).toBe('not_found');
    expect(e.vi).toContain('Không Có');
    const e2 = await env.callErr('print.compose', { settings: { paper: 'A4', area: { kind: 'all' }, scale: 2000 } });
    expect(e2.en).toMatch(/sheets/);
    const e3 = await env.callErr('print.pdf', { settings: {}, fileName: '../../etc/passwd' });
    expect(e3.code).toBe('validation');
  });

  it('prints a PDF as a job into the project folder, never over an existing file', async () => {
    const a = await env.call('print.pdf', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] } }, fileName: 'nam-da' });
    expect(dirname(a.path)).toBe(join(dirname(info.path), 'ban-in'));
    await env.services.jobs.wait(a.job.id);
    expect(existsSync(a.path)).toBe(true);
    expect(execFileSync('pdfinfo', [a.path], { encoding: 'utf8' })).toMatch(/A3/);
    const b = await env.call('print.pdf', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] } }, fileName: 'nam-da' });
    await env.services.jobs.wait(b.job.id);
    expect(b.path).not.toBe(a.path);
    expect(readdirSync(dirname(a.path)).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['nam-da-2.pdf', 'nam-da.pdf']);
    expect(env.seen.some((e) => e.event === 'job.progress' && e.payload.kind === 'print.pdf' && e.payload.state === 'done')).toBe(true);
  });

  it('a print job can be cancelled; nothing is written', async () => {
    const r = await env.call('print.pdf', { settings: { paper: 'A3', area: { kind: 'all' }, scale: 25000 }, series: true, fileName: 'huy' });
    await env.call('jobs.cancel', { id: r.job.id });
    await expect(env.services.jobs.wait(r.job.id)).rejects.toMatchObject({ code: 'cancelled' });
    expect(env.services.jobs.get(r.job.id)?.state).toBe('cancelled');
    expect(existsSync(r.path)).toBe(false);
    expect(readdirSync(dirname(r.path)).filter((f) => f.startsWith('huy') || f.startsWith('.huy'))).toEqual([]);
  });

  it('a saved layout keeps its base-map choice: [] (print none) stays apart from absent (the visible ones)', async () => {
    const base = { paper: 'A3', area: { kind: 'all' } } as const;
    const none = await env.call('print.layouts.save', { name: 'Không nền', settings: { ...base, baseMaps: [] } });
    const dflt = await env.call('print.layouts.save', { name: 'Nền mặc định', settings: base });
    const listed = await env.call('print.layouts.list', {});
    expect(listed.find((l) => l.id === none.id)?.settings.baseMaps).toEqual([]);
    expect(listed.find((l) => l.id === dflt.id)?.settings).not.toHaveProperty('baseMaps');
    // What the dialog sends back from the saved layout still prints no base map rather than the default.
    const r = await env.call('print.compose', { settings: listed.find((l) => l.id === none.id)!.settings });
    expect(r.list.items.some((i) => i.kind === 'image')).toBe(false);
    await env.call('print.layouts.delete', { id: none.id });
    await env.call('print.layouts.delete', { id: dflt.id });
  });

  it('saves, lists and deletes sheet layouts, each change audited', async () => {
    await env.call('session.setOperator', { name: 'Nguyễn Văn In', role: 'reviewer', communeCode: null });
    const saved = await env.call('print.layouts.save', {
      name: 'Xã Nam Đà A3',
      settings: { paper: 'A3', area: { kind: 'communes', communes: ['24697'] }, scale: 25000, layout: { legend: { x: 30, y: 40 } }, texts: { title: 'Tiêu đề riêng' } },
    });
    expect(saved.settings.layout.legend).toEqual({ x: 30, y: 40 });
    const upd = await env.call('print.layouts.save', { id: saved.id, name: 'Xã Nam Đà A3 (sửa)', settings: { ...saved.settings, scale: 10000 } });
    expect(upd.settings.scale).toBe(10000);
    expect((await env.call('print.layouts.list', {})).map((l) => l.name)).toEqual(['Xã Nam Đà A3 (sửa)']);
    await env.call('print.layouts.delete', { id: saved.id });
    expect(await env.call('print.layouts.list', {})).toEqual([]);
    expect((await env.callErr('print.layouts.delete', { id: saved.id })).code).toBe('not_found');
    env.services.close();
    const store = ProjectStore.open(info.path);
    try {
      const hist = store.printLayouts((repo) => repo.history(saved.id));
      expect(hist.map((h) => h.action)).toEqual(['insert', 'update', 'delete']);
      expect(hist.every((h) => h.author === 'Nguyễn Văn In')).toBe(true);
    } finally {
      store.close();
    }
  });
});

// The demo project is clean; with one planted fault of each kind the checks find every fault and
// nothing else. Faults are planted as a user (or another tool) would: through edits.apply, and
// for what the store itself refuses to write (a required attribute emptied, a commune code that
// contradicts the geometry), with GDAL's ogrinfo.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { geometryExtent, type Geometry, type Row } from '../../../src/shared/model';
import { pointInMultiPolygon } from '../../../src/main/demo/planar';
import { boot } from './boot';

type MP = number[][][][];
const mpOf = (g: Geometry): MP => (g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : []);

describe('checks on the demo project', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  const rows: Record<string, Row[]> = {};
  const q = async (table: 'graves' | 'search_areas' | 'admin_units' | 'conclusions' | 'links' | 'martyrs') =>
    (rows[table] = (await env.call('features.query', { table, limit: 200_000 })).rows);

  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
    for (const t of ['graves', 'search_areas', 'admin_units', 'conclusions', 'links', 'martyrs'] as const) await q(t);
  }, 120_000);

  it('finds nothing in the demo as built', async () => {
    const r = await env.call('review.run', {});
    expect(r.findings).toEqual([]);
    expect(env.seen.some((e) => e.event === 'job.progress' && e.payload.kind === 'review.check' && e.payload.state === 'done')).toBe(true);
  });

  it('finds every planted fault and nothing else', async () => {
    const communes = info.settings.communes.map((c) => c.code);
    const [K, N] = communes;
    const boundary = (code: string) => rows.admin_units.find((r) => r.props.level === 'commune' && r.props.code === code)!;
    const kPoly = mpOf(boundary(K).geometry!);
    const nPoly = mpOf(boundary(N).geometry!);
    const conclusionOf = (code: string) => rows.conclusions.find((r) => r.props.commune_code === code)!;
    const areaBoxes = rows.search_areas.map((r) => geometryExtent(r.geometry!));
    const graveXY = rows.graves.map((r) => r.geometry!.coordinates as number[]);
    const used: number[][] = [];
    // A free 400 m square inside a commune: away from every area, grave and spot used before.
    const freeSpot = (poly: MP): number[] => {
      const [a, b, c, d] = geometryExtent({ type: 'MultiPolygon', coordinates: poly });
      for (let x = a + 300; x < c - 300; x += 150)
        for (let y = b + 300; y < d - 300; y += 150) {
          const corners = [-200, 0, 200].flatMap((dx) => [-200, 0, 200].map((dy) => [x + dx, y + dy]));
          if (!corners.every((p) => pointInMultiPolygon(p, poly))) continue;
          if (areaBoxes.some((e) => x + 250 > e[0] && x - 250 < e[2] && y + 250 > e[1] && y - 250 < e[3])) continue;
          if (graveXY.some((g) => Math.hypot(g[0] - x, g[1] - y) < 300)) continue;
          if (used.some((u) => Math.hypot(u[0] - x, u[1] - y) < 600)) continue;
          used.push([x, y]);
          return [x, y];
        }
      throw new Error('no free spot');
    };
    const formFor = (code: string) => ({
      table: 'info_forms' as const,
      id: randomUUID(),
      props: { number: `T-${randomUUID().slice(0, 4)}`, informant_name: 'Người cung cấp (kiểm thử)', verification: 'not_verified', commune_code: code },
    });
    const linkPut = (fromTable: string, fromId: string, toTable: string, toId: string, role = 'source') => ({
      table: 'links' as const,
      id: randomUUID(),
      props: { from_table: fromTable, from_id: fromId, to_table: toTable, to_id: toId, role },
    });
    const graveAt = (code: string | null, x: number, y: number) => ({
      table: 'graves' as const,
      id: randomUUID(),
      geometry: { type: 'Point' as const, coordinates: [x, y] },
      props: { kind: 'newly_found', verification: 'not_verified', commune_code: code },
    });
    const sourced = (put: { table: 'graves' | 'search_areas'; id: string; props: Record<string, unknown> }) => {
      const code = (put.props.commune_code as string | null) ?? K;
      const f = formFor(code);
      return [put, f, linkPut(put.table, put.id, 'info_forms', f.id)];
    };
    const expected: [string, string | null][] = [];

    // 1. A self-intersecting area.
    const [bx, by] = freeSpot(kPoly);
    const bow = {
      table: 'search_areas' as const,
      id: randomUUID(),
      geometry: { type: 'Polygon' as const, coordinates: [[[bx - 100, by - 100], [bx + 100, by + 100], [bx + 100, by - 100], [bx - 100, by + 100], [bx - 100, by - 100]]] },
      props: { status: 'not_started', commune_code: K },
    };
    expected.push(['geometry.invalid', bow.id]);
    // 2. A grave of K drawn in N (the store gives it N's code; another tool writes K's below).
    const [ox, oy] = freeSpot(nPoly);
    const outside = graveAt(K, ox, oy);
    expected.push(['commune.outside', outside.id]);
    // 3. A small area inside an existing area of K.
    const host = rows.search_areas.find((r) => r.props.commune_code === K)!;
    const ring = mpOf(host.geometry!)[0][0];
    const cx = ring.slice(0, -1).reduce((s, p) => s + p[0], 0) / (ring.length - 1);
    const cy = ring.slice(0, -1).reduce((s, p) => s + p[1], 0) / (ring.length - 1);
    const inner = {
      table: 'search_areas' as const,
      id: randomUUID(),
      geometry: { type: 'Polygon' as const, coordinates: [[[cx - 20, cy - 20], [cx + 20, cy - 20], [cx + 20, cy + 20], [cx - 20, cy + 20], [cx - 20, cy - 20]]] },
      props: { status: 'continuing', commune_code: K },
    };
    expected.push(['areas.overlap', inner.id]);
    // 4. A second grave of K 5 m from an existing grave of K.
    const twin = rows.graves.find((r) => r.props.commune_code === K)!;
    const [tx, ty] = twin.geometry!.coordinates as number[];
    const dup = graveAt(K, tx + 3, ty + 4);
    expected.push(['graves.near_same_commune', dup.id]);
    // 5. Graves of K and N about 10 m apart across their common boundary (K's 1 m inside K).
    const nVertices = new Set(nPoly.flat(2).map((p) => `${p[0]},${p[1]}`));
    const around = (v: number[], r: number, poly: MP, other: MP) => {
      for (let k = 0; k < 16; k++) {
        const p = [v[0] + r * Math.cos((k * Math.PI) / 8), v[1] + r * Math.sin((k * Math.PI) / 8)];
        if (pointInMultiPolygon(p, poly) && !pointInMultiPolygon(p, other) && !graveXY.some((g) => Math.hypot(g[0] - p[0], g[1] - p[1]) < 50)) return p;
      }
      return null;
    };
    let pair: [number[], number[]] | null = null;
    for (const v of kPoly.flat(2)) {
      if (!nVertices.has(`${v[0]},${v[1]}`)) continue;
      const inK = around(v, 1, kPoly, nPoly);
      const inN = around(v, 10, nPoly, kPoly);
      if (inK && inN) pair = [inK, inN];
      if (pair) break;
    }
    expect(pair, 'K and N share a boundary vertex').not.toBeNull();
    const onBoundary = graveAt(K, pair![0][0], pair![0][1]);
    const acrossLine = graveAt(N, pair![1][0], pair![1][1]);
    // The pair is reported once, on whichever of the two the grid meets second.
    // 6. A grave with no form or conclusion.
    const [lx, ly] = freeSpot(kPoly);
    const lonely = graveAt(K, lx, ly);
    expected.push(['links.no_source', lonely.id]);
    // 7. A grave outside every commune (40 km east of the district): it belongs to no commune.
    const box = geometryExtent({ type: 'MultiPolygon', coordinates: rows.admin_units.filter((r) => r.props.level === 'commune').flatMap((r) => mpOf(r.geometry!)) });
    const unassigned = graveAt(K, box[2] + 40_000, (box[1] + box[3]) / 2);
    expected.push(['commune.unassigned', unassigned.id]);
    // 8. A martyr linked to nothing.
    const orphan = { table: 'martyrs' as const, id: randomUUID(), props: { full_name: 'Liệt sĩ kiểm thử', commune_code: K } };
    expected.push(['records.orphan', orphan.id]);

    await env.call('edits.apply', {
      label: 'planted faults',
      put: ([bow, inner, dup, lonely, orphan] as { table: string }[]).flatMap((p): unknown[] => (p.table === 'martyrs' || p === lonely ? [p] : sourced(p as never))),
      remove: [],
    } as never);
    await env.call('edits.apply', { label: 'planted graves', put: [outside, onBoundary, acrossLine, unassigned].flatMap((p) => sourced(p as never)), remove: [] } as never);
    expect((await env.call('rows.get', { table: 'graves', id: outside.id })).props.commune_code).toBe(N);
    expect((await env.call('rows.get', { table: 'graves', id: unassigned.id })).props.commune_code).toBeNull();
    execFileSync('ogrinfo', [info.path, '-q', '-dialect', 'sqlite', '-sql', `UPDATE graves SET commune_code = '${K}' WHERE uuid = '${outside.id}'`]);

    // 9. K's conclusion: recovered + not recovered ≠ initially buried. 10. N's: family-cared count off by one.
    const kc = conclusionOf(K);
    const nc = conclusionOf(N);
    await env.call('edits.apply', {
      label: 'planted figures',
      put: [
        { table: 'conclusions', id: kc.id, baseVersion: kc.meta.version, props: { not_recovered: (kc.props.not_recovered as number) + 1 } },
        { table: 'conclusions', id: nc.id, baseVersion: nc.meta.version, props: { family_cared: (nc.props.family_cared as number) + 1 } },
      ],
      remove: [],
    });
    expected.push(['stats.inconsistent', kc.id], ['stats.map_mismatch', nc.id]);

    // 11. A link left pointing at a deleted martyr. 12. The last commune's boundary removed.
    const martyrLink = rows.links.find((l) => l.props.to_table === 'martyrs')!;
    const martyr = rows.martyrs.find((m) => m.id === martyrLink.props.to_id)!;
    const last = communes[communes.length - 1];
    const lastBoundary = boundary(last);
    await env.call('edits.apply', {
      label: 'planted removals',
      put: [],
      remove: [
        { table: 'martyrs', id: martyr.id, baseVersion: martyr.meta.version },
        { table: 'admin_units', id: lastBoundary.id, baseVersion: lastBoundary.meta.version },
      ],
    });
    expected.push(['links.dangling', martyrLink.id], ['base.no_boundary', null]);

    // 13. A required attribute emptied by another tool (the store itself refuses to write that).
    const victim = rows.search_areas.find((r) => r.props.commune_code === N)!;
    execFileSync('ogrinfo', [info.path, '-q', '-dialect', 'sqlite', '-sql', `UPDATE search_areas SET status = NULL WHERE uuid = '${victim.id}'`]);
    expected.push(['props.required', victim.id]);

    const r = await env.call('review.run', {});
    const got = r.findings.map((f) => [f.rule, f.id] as [string, string | null]);
    const near = r.findings.filter((f) => f.rule === 'graves.near_other_commune');
    expect(near).toHaveLength(1);
    expect([near[0].id, near[0].otherId].sort()).toEqual([onBoundary.id, acrossLine.id].sort());
    expect(got.filter(([rule]) => rule !== 'graves.near_other_commune').sort()).toEqual(expected.sort());
    // Every rule of the catalogue but the two the store cannot hold (unclosed, empty: unit-tested) and crossing (unit-tested).
    expect(new Set(r.findings.map((f) => f.rule)).size).toBe(13);
    expect(r.findings.find((f) => f.rule === 'base.no_boundary')!.communeCode).toBe(last);
    // Each finding with a place has an extent to zoom to.
    for (const f of r.findings) if (f.table && ['graves', 'search_areas'].includes(f.table)) expect(f.extent).not.toBeNull();

    // --commune restricts the findings to that commune's.
    const onlyN = await env.call('review.run', { communes: [N] });
    // Exactly the whole run's findings of N: the emptied status, N's figures, and the cross-boundary
    // pair when the run reported it on N's grave (it names whichever grave the grid met second).
    const ofN = (fs: typeof r.findings) => fs.map((f) => `${f.rule} ${f.id} ${f.communeCode}`).sort();
    const expectedN = [['props.required', victim.id], ['stats.map_mismatch', nc.id]];
    if (near[0].communeCode === N) expectedN.push(['graves.near_other_commune', near[0].id!]);
    expect(ofN(onlyN.findings)).toEqual(expectedN.map(([rule, id]) => `${rule} ${id} ${N}`).sort());
    expect(ofN(onlyN.findings)).toEqual(ofN(r.findings.filter((f) => f.communeCode === N)));
  }, 120_000);
});

// The print area: chosen communes, every commune of the project, or a drawn extent; its polygons
// (for the veil, the labels and the series) and its extent.
import { ApiError } from '../api-error';
import { foldKey } from '../text/fold';
import { geometryExtent, type Extent, type Position } from '../model/geometry';
import { extentsIntersect, polygonsOf } from './geom';
import type { PrintFeature, PrintInput } from './input';
import type { SheetSettings } from './settings';

const bad = (vi: string, en: string) => new ApiError('validation', vi, en);

export interface Area {
  polys: Position[][][];
  extent: Extent;
  communes: PrintFeature[];
  kind: SheetSettings['area']['kind'];
}

export function resolveArea(input: PrintInput, s: SheetSettings): Area {
  const projectCodes = new Set(input.settings.communes.map((c) => c.code).filter(Boolean));
  const own = input.communes.filter((c) => projectCodes.size === 0 || projectCodes.has(String(c.props.code ?? '')));
  let chosen: PrintFeature[];
  if (s.area.kind === 'communes') {
    chosen = s.area.communes.map((want) => {
      const w = foldKey(want.replace(/^(xã|phường|thị trấn)\s+/i, ''));
      const hit =
        input.communes.find((c) => String(c.props.code ?? '') === want) ??
        input.communes.find((c) => foldKey(String(c.props.name ?? '')) === w);
      if (!hit) throw new ApiError('not_found', `Không có xã "${want}" trong dự án.`, `No commune "${want}" in the project.`, { commune: want });
      return hit;
    });
  } else if (s.area.kind === 'all') {
    chosen = own;
  } else {
    const e = s.area.extent;
    if (e[2] - e[0] < 1 || e[3] - e[1] < 1) throw bad('Vùng in trống (chiều rộng hoặc chiều cao bằng 0).', 'The print area is empty (zero width or height).');
    const ring = [
      [e[0], e[1]],
      [e[2], e[1]],
      [e[2], e[3]],
      [e[0], e[3]],
      [e[0], e[1]],
    ];
    return { polys: [[ring]], extent: e, communes: own.filter((c) => extentsIntersect(geometryExtent(c.geometry), e)), kind: 'extent' };
  }
  const polys = chosen.flatMap((c) => polygonsOf(c.geometry));
  if (!polys.length) throw bad('Vùng in trống: dự án chưa có ranh giới xã nào.', 'The print area is empty: the project has no commune boundary.');
  const boxes = chosen.map((c) => geometryExtent(c.geometry));
  const extent: Extent = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { polys, extent, communes: chosen, kind: s.area.kind };
}


// The edits that draw a cemetery's plan: a grid of plots (one edit, every plot a feature with its
// section, row and number) and the gate. Both go through the store's one writer, so they are audited,
// undone as one gesture, and judged by the write rules like every other edit.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api-error';
import { generatePlotGrid, gridProblem, type PlotGridInput } from '../../shared/cemetery/grid';
import { plotKey, plotLabel } from '../../shared/cemetery/plot-key';
import type { EditInput, Row } from '../../shared/model';
import type { ProjectStore } from '../store';
import { allRows, text } from './rows';

export function needCemetery(store: ProjectStore, id: string): Row {
  const c = store.get('cemeteries', id);
  if (!c || c.meta.deleted)
    throw new ApiError('not_found', 'Không tìm thấy nghĩa trang này (có thể đã bị xoá). Hãy chọn lại nghĩa trang trên bản đồ.', 'This cemetery was not found (it may have been deleted). Choose the cemetery on the map again.');
  return c;
}

export function gridEdit(store: ProjectStore, cemeteryId: string, grid: PlotGridInput): EditInput {
  const cemetery = needCemetery(store, cemeteryId);
  const problem = gridProblem(grid);
  if (problem) throw new ApiError('validation', `${problem.vi} Hãy sửa ô này rồi tạo lại.`, `${problem.en} Correct this box and generate again.`, { field: problem.field });
  const plots = generatePlotGrid(grid);
  const taken = new Map(
    allRows(store, 'cemetery_plots', { cemetery_id: cemeteryId })
      .filter((p) => p.props.kind !== 'gate')
      .map((p) => [plotKey(cemeteryId, p.props.section, p.props.row, p.props.plot_number), p]),
  );
  const clash = plots.find((p) => taken.has(plotKey(cemeteryId, p.section, p.row, p.plotNumber)));
  if (clash) {
    const label = plotLabel(clash.section, clash.row, clash.plotNumber);
    throw new ApiError(
      'conflict',
      `Nghĩa trang đã có mộ "${label}". Hãy đặt tên khu khác, hoặc số hàng/số mộ bắt đầu khác, để số mộ không trùng.`,
      `The cemetery already has plot "${label}". Give another section name, or other first row/plot numbers, so that plot numbers do not repeat.`,
      { plot: label },
    );
  }
  const commune = cemetery.props.commune_code ?? null;
  return {
    label: `Tạo ${plots.length} mộ trong ${text(cemetery.props.name)}`,
    put: plots.map((p) => ({
      table: 'cemetery_plots' as const,
      geometry: { type: 'Polygon' as const, coordinates: [p.ring] },
      props: { kind: 'empty', cemetery_id: cemeteryId, section: p.section || null, row: p.row, plot_number: p.plotNumber, commune_code: commune },
    })),
  };
}

export function gateEdit(store: ProjectStore, cemeteryId: string, point: [number, number]): { edit: EditInput; id: string } {
  const cemetery = needCemetery(store, cemeteryId);
  const gate = allRows(store, 'cemetery_plots', { cemetery_id: cemeteryId, kind: 'gate' })[0];
  const geometry = { type: 'Point' as const, coordinates: point };
  const label = `Đặt cổng ${text(cemetery.props.name)}`;
  if (gate) return { edit: { label, put: [{ table: 'cemetery_plots', id: gate.id, baseVersion: gate.meta.version, geometry }] }, id: gate.id };
  const id = randomUUID();
  return {
    edit: { label, put: [{ table: 'cemetery_plots', id, geometry, props: { kind: 'gate', cemetery_id: cemeteryId, commune_code: cemetery.props.commune_code ?? null } }] },
    id,
  };
}

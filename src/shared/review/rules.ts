// The review rules: id, severity and the words a reviewer reads. One check file per rule under
// src/main/review/checks. Severity is data so the UI, the CLI and the submission gate agree.
import type { Severity } from './finding';

export interface RuleDef {
  id: string;
  severity: Severity;
  vi: string;
  en: string;
}

export const RULES = {
  'geometry.empty': { id: 'geometry.empty', severity: 'error', vi: 'Hình học rỗng hoặc thiếu', en: 'Empty or missing geometry' },
  'geometry.unclosed': { id: 'geometry.unclosed', severity: 'error', vi: 'Vòng ranh giới không khép kín', en: 'Unclosed ring' },
  'geometry.out_of_range': {
    id: 'geometry.out_of_range',
    severity: 'error',
    vi: 'Tọa độ nằm ngoài phạm vi của hệ tọa độ dự án',
    en: 'Coordinate out of the CRS’s range',
  },
  'geometry.invalid': { id: 'geometry.invalid', severity: 'error', vi: 'Hình học không hợp lệ (tự cắt…)', en: 'Invalid geometry (self-intersection…)' },
  'commune.outside': { id: 'commune.outside', severity: 'error', vi: 'Đối tượng nằm ngoài xã của nó', en: 'Feature outside its commune' },
  'commune.crosses': { id: 'commune.crosses', severity: 'error', vi: 'Khu vực cắt qua ranh giới xã', en: 'Area crosses its commune boundary' },
  // Every feature belongs to the commune its geometry lies in (computed on every write): one with no
  // commune lies outside every commune of the project, so no commune's map reports it — an error.
  'commune.unassigned': { id: 'commune.unassigned', severity: 'error', vi: 'Đối tượng không thuộc xã nào của dự án', en: 'Feature belongs to no commune of the project' },
  'areas.overlap': { id: 'areas.overlap', severity: 'error', vi: 'Hai khu vực tìm kiếm chồng lên nhau', en: 'Two search areas overlap' },
  'graves.near_other_commune': { id: 'graves.near_other_commune', severity: 'error', vi: 'Mộ trùng với mộ của xã khác', en: 'Grave duplicates a grave of another commune' },
  'graves.near_same_commune': { id: 'graves.near_same_commune', severity: 'warning', vi: 'Hai mộ quá gần nhau trong một xã', en: 'Two graves too close in one commune' },
  'links.no_source': { id: 'links.no_source', severity: 'warning', vi: 'Chưa liên kết phiếu thông tin hoặc kết luận', en: 'No linked information form or conclusion' },
  'props.required': { id: 'props.required', severity: 'error', vi: 'Thiếu hoặc sai thuộc tính', en: 'Missing or invalid attribute' },
  'stats.inconsistent': { id: 'stats.inconsistent', severity: 'error', vi: 'Số liệu kết luận mâu thuẫn', en: 'Conclusion figures contradict each other' },
  'stats.map_mismatch': { id: 'stats.map_mismatch', severity: 'warning', vi: 'Số liệu kết luận khác số đếm trên bản đồ', en: 'Conclusion figures differ from the map’s counts' },
  'records.orphan': { id: 'records.orphan', severity: 'warning', vi: 'Hồ sơ không liên kết với gì', en: 'Record linked to nothing' },
  'links.dangling': { id: 'links.dangling', severity: 'warning', vi: 'Liên kết trỏ tới đối tượng không còn', en: 'Link points to a missing row' },
  'base.no_boundary': { id: 'base.no_boundary', severity: 'error', vi: 'Thiếu ranh giới xã (dữ liệu nền)', en: 'Commune boundary missing (base data)' },
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

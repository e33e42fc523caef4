// The checks in the order they run: geometry first (the others skip rows it finds broken).
import type { FindingInput } from '../../../shared/review/finding';
import type { CheckEnv } from '../check-data';
import { checkAreasOverlap } from './areas-overlap';
import { checkBaseBoundary } from './base-boundary';
import { checkCommuneMembership } from './commune-membership';
import { checkGeometryValid } from './geometry-valid';
import { checkGravesNear } from './graves-near';
import { checkLinksSource } from './links-source';
import { checkPropsRequired } from './props-required';
import { checkRecordsOrphan } from './records-orphan';
import { checkStatsConsistency } from './stats-consistency';
import { checkStatsMap } from './stats-map';

export interface CheckStep {
  name: string;
  vi: string;
  run(env: CheckEnv): FindingInput[];
}

export const CHECKS: readonly CheckStep[] = [
  { name: 'geometry', vi: 'Kiểm tra hình học', run: checkGeometryValid },
  { name: 'base', vi: 'Kiểm tra ranh giới xã', run: checkBaseBoundary },
  { name: 'commune', vi: 'Kiểm tra đối tượng trong xã', run: checkCommuneMembership },
  { name: 'overlap', vi: 'Kiểm tra khu vực chồng lấn', run: checkAreasOverlap },
  { name: 'graves', vi: 'Kiểm tra mộ quá gần nhau', run: checkGravesNear },
  { name: 'sources', vi: 'Kiểm tra liên kết phiếu, kết luận', run: checkLinksSource },
  { name: 'props', vi: 'Kiểm tra thuộc tính', run: checkPropsRequired },
  { name: 'stats', vi: 'Kiểm tra số liệu kết luận', run: checkStatsConsistency },
  { name: 'stats-map', vi: 'So số liệu với bản đồ', run: checkStatsMap },
  { name: 'records', vi: 'Kiểm tra hồ sơ, liên kết', run: checkRecordsOrphan },
];

// The status bar: the cursor's position in the working CRS and in WGS 84, the drafting readout, the scale.
import { useSyncExternalStore } from 'react';
import type { ProjectInfo } from '../../../shared/api';
import { formatScale, scaleDenominator } from '../../../shared/symbology';
import { CursorReadout } from '../../drafting/CursorReadout';
import { useI18n } from '../../i18n';
import { toLonLat } from '../../map/projection';
import type { ValueStore } from '../../valueStore';
import type { MapView } from './useWorkspaceMap';

interface Props {
  crsCode: string;
  geographic: boolean;
  pointerStore: ValueStore<number[] | null>;
  view: MapView | null;
  crs: ProjectInfo['crs'];
}

export function StatusBar({ crsCode, geographic, pointerStore, view, crs }: Props) {
  const { t } = useI18n();
  const pointer = useSyncExternalStore(pointerStore.subscribe, pointerStore.get);
  const lonLat = pointer ? wgs84(crsCode, geographic, pointer) : null;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-coords" data-testid="status-coords">
        {pointer ? geographic ? null : <ProjectedCoords pointer={pointer} /> : <span className="muted">{t('status.outside')}</span>}
      </span>
      {pointer && lonLat && <Wgs84Coords lonLat={lonLat} />}
      <CursorReadout crs={crs} pointer={pointer} />
      <span className="status-spacer" />
      <span className="status-item status-scale" data-testid="status-scale">
        {t('status.scale')} <b>{view ? formatScale(scaleDenominator(view.resolution * view.mpu)) : '—'}</b>
      </span>
      <span className="status-item muted">{crsCode}</span>
    </footer>
  );
}

/** Longitude and latitude of the cursor; none when the CRS cannot say (outside its area). */
function wgs84(crsCode: string, geographic: boolean, pointer: number[]): number[] | null {
  try {
    return geographic ? pointer : toLonLat(crsCode, pointer);
  } catch {
    return null;
  }
}

/** X northing, Y easting: the Vietnamese surveyors' order. */
function ProjectedCoords({ pointer }: { pointer: number[] }) {
  const { t, num } = useI18n();
  return (
    <>
      <span className="status-item">
        {t('status.x')} = <b>{num(pointer[1]!, 2)}</b> m
      </span>
      <span className="status-item">
        {t('status.y')} = <b>{num(pointer[0]!, 2)}</b> m
      </span>
    </>
  );
}

function Wgs84Coords({ lonLat }: { lonLat: number[] }) {
  const { t, num } = useI18n();
  const deg = (v: number, pos: string, neg: string) => `${num(Math.abs(v), 6)}° ${v >= 0 ? pos : neg}`;
  return (
    <span className="status-item" data-testid="status-wgs84">
      WGS 84: {t('status.lat')} <b>{deg(lonLat[1]!, t('status.north'), t('status.south'))}</b>, {t('status.lon')}{' '}
      <b>{deg(lonLat[0]!, t('status.east'), t('status.west'))}</b>
    </span>
  );
}

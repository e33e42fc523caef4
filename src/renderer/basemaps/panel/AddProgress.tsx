// The busy line while a base map is uploaded, read or added (with the job's bar and cancel).
import { useBasemapT } from '../dict';
import { jobPercent } from './basemap-panel-logic';
import type { AddBasemapState } from './useAddBasemap';

export function AddProgress({ add }: { add: AddBasemapState }) {
  const b = useBasemapT();
  const { job, busy } = add;
  const pct = jobPercent(job);
  return (
    <div className="basemap-busy" data-testid="basemap-busy">
      <span>{job ? b('adding', { pct }) : busy}</span>
      {job && <progress max={100} value={pct} />}
      {job && (
        <button className="icon-btn" onClick={add.cancelJob}>
          {b('cancel')}
        </button>
      )}
    </div>
  );
}

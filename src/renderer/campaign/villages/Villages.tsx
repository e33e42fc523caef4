// The villages tab: the commune chosen, its coverage, its villages and their figures, a village
// added, the commune's conclusion meeting and its reports.
import type { ProjectInfo } from '../../../shared/api';
import type { Row } from '../../../shared/model/rows';
import { CoverageText } from '../CoverageText';
import { useCampaignT } from '../dict';
import type { MeetingTarget } from '../MeetingForm';
import { Reports } from '../Reports';
import type { CommuneP } from '../types';
import { AddVillage } from './AddVillage';
import { useVillageDrafts } from './useVillageDrafts';
import { VillageTable } from './VillageTable';

interface Props {
  info: ProjectInfo;
  commune: string;
  setCommune: (c: string) => void;
  progress: CommuneP | null;
  rows: Row[];
  onMeeting: (t: MeetingTarget) => void;
}

export function Villages({ info, commune, setCommune, progress, rows, onMeeting }: Props) {
  const c = useCampaignT();
  const drafts = useVillageDrafts();
  const communeName = info.settings.communes.find((x) => x.code === commune)?.name ?? commune;
  return (
    <>
      <label className="campaign-commune">
        {c('commune')}{' '}
        <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="campaign-commune">
          {info.settings.communes.map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {progress && (
        <p className="campaign-summary">
          {communeName}: <CoverageText cov={progress.coverage} /> · {progress.villagesConcluded}/{progress.villages.length} {c('col.conclusion').toLowerCase()}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{c('villages.none')}</p>
      ) : (
        <VillageTable commune={commune} progress={progress} rows={rows} drafts={drafts} onMeeting={onMeeting} />
      )}
      <p className="muted">{c('villages.hint')}</p>
      <AddVillage commune={commune} />
      <div className="campaign-actions">
        <button onClick={() => onMeeting({ level: 'commune', communeCode: commune, villageId: null, unitName: `Xã ${communeName}` })} data-testid="campaign-commune-meeting">
          {c('meeting.commune')}
        </button>
      </div>
      <Reports communeCode={commune} />
    </>
  );
}

// The commune's villages with their form 01 figures (each row saved on its own; the typed figures are
// kept by the caller, so they outlive this table).
import { useMemo } from 'react';
import type { Row } from '../../../shared/model/rows';
import { TABLES } from '../../../shared/model/tables';
import { useI18n } from '../../i18n';
import type { MeetingTarget } from '../MeetingForm';
import { useCampaignT } from '../dict';
import { FIGURES, type CommuneP } from '../types';
import type { VillageDrafts } from './useVillageDrafts';
import { VillageRow } from './VillageRow';

interface Props {
  commune: string;
  progress: CommuneP | null;
  rows: Row[];
  drafts: VillageDrafts;
  onMeeting: (t: MeetingTarget) => void;
}

export function VillageTable({ commune, progress, rows, drafts, onMeeting }: Props) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const byId = useMemo(() => new Map(progress?.villages.map((v) => [v.id, v]) ?? []), [progress]);
  return (
    <table className="campaign-table" data-testid="campaign-villages">
      <thead>
        <tr>
          <th>{c('col.name')}</th>
          <th>{c('col.pilot')}</th>
          {FIGURES.map((f) => (
            <th key={f}>{pick(TABLES.villages.fields.find((x) => x.name === f)!)}</th>
          ))}
          <th title={c('col.recorded.title')}>{c('col.recorded')}</th>
          <th>{c('col.coverage')}</th>
          <th>{c('col.conclusion')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <VillageRow
            key={r.id}
            row={r}
            progress={byId.get(r.id)}
            drafts={drafts}
            onMeeting={() => onMeeting({ level: 'village', communeCode: commune, villageId: r.id, unitName: String(r.props.name ?? '') })}
          />
        ))}
      </tbody>
    </table>
  );
}

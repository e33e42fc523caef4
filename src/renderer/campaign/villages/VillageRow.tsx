// One village: its name and kind, pilot, the form 01 figures (typed, then saved), the forms recorded,
// coverage, the conclusion meeting's date, save and the meeting.
import type { Row } from '../../../shared/model/rows';
import { TABLES } from '../../../shared/model/tables';
import { ENUM_LABELS } from '../../i18n/dict';
import { useI18n } from '../../i18n';
import { CoverageCell } from '../CoverageCell';
import { useCampaignT } from '../dict';
import { FIGURES, type CommuneP } from '../types';
import type { VillageDrafts } from './useVillageDrafts';

interface Props {
  row: Row;
  progress: CommuneP['villages'][number] | undefined;
  drafts: VillageDrafts;
  onMeeting: () => void;
}

export function VillageRow({ row: r, progress: p, drafts, onMeeting }: Props) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const { value, setField } = drafts;
  const kind = ENUM_LABELS[`kind:${String(r.props.kind)}`];
  return (
    <tr data-testid="campaign-village">
      <td>
        {String(r.props.name ?? '')} <span className="muted">({kind ? pick(kind) : String(r.props.kind)})</span>
      </td>
      <td>
        <input type="checkbox" checked={value(r, 'pilot') === true || value(r, 'pilot') === 1} onChange={(e) => setField(r, 'pilot', e.target.checked)} aria-label={c('col.pilot')} />
      </td>
      {FIGURES.map((f) => (
        <td key={f}>
          <input
            className="campaign-num"
            type="number"
            min={0}
            value={value(r, f) === null || value(r, f) === undefined ? '' : String(value(r, f))}
            onChange={(e) => setField(r, f, e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value))))}
            data-testid={`campaign-${f}`}
            aria-label={pick(TABLES.villages.fields.find((x) => x.name === f)!)}
          />
        </td>
      ))}
      <td className="num" data-testid="campaign-recorded">
        {p?.formsRecorded ?? 0}
      </td>
      {p ? <CoverageCell cov={p.coverage} /> : <td />}
      <td>{p?.conclusionDate ?? '—'}</td>
      <td className="campaign-row-actions">
        <button disabled={!drafts.changed(r)} onClick={() => void drafts.save(r)} data-testid="campaign-village-save">
          {c('save')}
        </button>
        <button onClick={onMeeting} data-testid="campaign-village-meeting">
          {c('meeting')}
        </button>
      </td>
    </tr>
  );
}

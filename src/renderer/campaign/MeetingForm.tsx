// One area-conclusion meeting (village or commune level) entered as a conclusions record: date,
// chair, attendees by body, outcome, the six figures and the text. Linked to its village by id.
import { useEffect, useState } from 'react';
import { CONCLUSION_OUTCOMES, STATISTICS } from '../../shared/model/enums';
import type { Row } from '../../shared/model/rows';
import { TABLES } from '../../shared/model/tables';
import { Modal, useApi, useErrorToast, useToast } from '../components/common';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';
import { useCampaignT } from './dict';

export interface MeetingTarget {
  level: 'village' | 'commune';
  communeCode: string;
  villageId: string | null;
  unitName: string;
}

const ATTENDEES = ['attendees_military', 'attendees_veterans', 'attendees_labour', 'attendees_elders'] as const;
const label = (f: string) => TABLES.conclusions.fields.find((x) => x.name === f)!;

export function MeetingForm({ target, onDone }: { target: MeetingTarget; onDone: () => void }) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [chair, setChair] = useState('');
  const [outcome, setOutcome] = useState<string>('concluded');
  const [text, setText] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [areas, setAreas] = useState<Row[]>([]);
  const [concluded, setConcluded] = useState<Set<string>>(new Set());
  // The commune's search areas, to link those the meeting concludes on (links, role "concludes").
  useEffect(() => {
    api
      .invoke('features.query', { table: 'search_areas', filter: { commune_code: target.communeCode }, limit: 5000 })
      .then((r) => setAreas(r.rows))
      .catch(showError);
  }, [api, target.communeCode, showError]);
  const num = (k: string) => (counts[k] === undefined || counts[k] === '' ? null : Math.max(0, Math.floor(Number(counts[k]))));
  const save = async () => {
    try {
      const props = {
        level: target.level,
        unit_name: target.unitName,
        village_id: target.villageId,
        commune_code: target.communeCode,
        date,
        chair,
        outcome,
        text,
        ...Object.fromEntries([...ATTENDEES, ...STATISTICS].map((k) => [k, num(k)])),
      };
      const id = crypto.randomUUID();
      const links = [...concluded].map((areaId) => ({
        table: 'links' as const,
        props: { from_table: 'search_areas', from_id: areaId, to_table: 'conclusions', to_id: id, role: 'concludes' },
      }));
      await api.invoke('edits.apply', { label: `Kết luận địa bàn ${target.unitName}`, put: [{ table: 'conclusions', id, props }, ...links] });
      toast(c('saved'), 'success');
      onDone();
    } catch (e) {
      showError(e);
    }
  };
  const numInput = (k: string) => (
    <label key={k} className="campaign-field">
      <span>{pick(label(k))}</span>
      <input type="number" min={0} className="campaign-num" value={counts[k] ?? ''} onChange={(e) => setCounts((x) => ({ ...x, [k]: e.target.value }))} data-testid={`meeting-${k}`} />
    </label>
  );
  return (
    <Modal title={c('meeting.title', { unit: target.unitName })} testId="campaign-meeting">
      <div className="campaign-meeting">
        <label className="campaign-field">
          <span>{c('meeting.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="meeting-date" />
        </label>
        <label className="campaign-field">
          <span>{c('meeting.chair')}</span>
          <input value={chair} onChange={(e) => setChair(e.target.value)} maxLength={200} />
        </label>
        <fieldset>
          <legend>{c('meeting.attendees')}</legend>
          {ATTENDEES.map(numInput)}
        </fieldset>
        <fieldset>
          <legend>{c('meeting.figures')}</legend>
          {STATISTICS.map(numInput)}
        </fieldset>
        {areas.length > 0 && (
          <fieldset className="campaign-areas" data-testid="meeting-areas">
            <legend>{c('meeting.areas')}</legend>
            {areas.map((a) => (
              <label key={a.id}>
                <input
                  type="checkbox"
                  checked={concluded.has(a.id)}
                  onChange={(e) =>
                    setConcluded((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(a.id);
                      else next.delete(a.id);
                      return next;
                    })
                  }
                />{' '}
                {[a.props.code, a.props.name].filter((x) => typeof x === 'string' && x).join(' – ') || a.id.slice(0, 8)}
              </label>
            ))}
          </fieldset>
        )}
        <label className="campaign-field">
          <span>{c('meeting.outcome')}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="meeting-outcome">
            {CONCLUSION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {pick(ENUM_LABELS[`outcome:${o}`]!)}
              </option>
            ))}
          </select>
        </label>
        <label className="campaign-field wide">
          <span>{c('meeting.text')}</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} />
        </label>
        <div className="campaign-actions">
          <button onClick={onDone}>{c('meeting.cancel')}</button>
          <button className="primary" disabled={!date} onClick={() => void save()} data-testid="meeting-save">
            {c('meeting.save')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

// The campaign panel (issue 18): the district dashboard (each commune's coverage, step and overdue
// steps, as a table and a bar chart), the commune's villages with their form 01 figures and
// conclusion meetings, the district's plan, and the reports. Figures come from campaign.progress
// (the one function main also prints the reports with); every change is one edits.apply.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Operator, Output, ProjectInfo } from '../../shared/api';
import { percentText } from '../../shared/campaign/coverage';
import { CAMPAIGN_STEPS, STEP_LABELS, type CampaignStep } from '../../shared/campaign/steps';
import { VILLAGE_KINDS } from '../../shared/model/enums';
import type { Row } from '../../shared/model/rows';
import { TABLES } from '../../shared/model/tables';
import { isReviewer } from '../../shared/review/state';
import { useApi, useErrorToast, useToast } from '../components/common';
import { FloatingPanel } from '../components/FloatingPanel';
import { base64Bytes, saveBlob } from '../components/saveBlob';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';
import { CoverageChart } from './CoverageChart';
import { useCampaignT } from './dict';
import { MeetingForm, type MeetingTarget } from './MeetingForm';
import { useReloadOnChange } from '../api/useReloadOnChange';

type Progress = Output<'campaign.progress'>;
type CommuneP = Progress['communes'][number];
type Tab = 'dashboard' | 'villages' | 'plan';
const FIGURES = ['households', 'forms_distributed', 'forms_returned', 'forms_with_info'] as const;

export function CampaignPanel({ info, operator, onClose }: { info: ProjectInfo; operator: Operator | null; onClose: () => void }) {
  const c = useCampaignT();
  const api = useApi();
  const showError = useErrorToast();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [villages, setVillages] = useState<Row[]>([]);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [commune, setCommune] = useState<string>(operator?.communeCode ?? info.settings.communes[0]?.code ?? '');
  const [meeting, setMeeting] = useState<MeetingTarget | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, v] = await Promise.all([api.invoke('campaign.progress', {}), api.invoke('features.query', { table: 'villages', limit: 100_000 })]);
      setProgress(p);
      setVillages(v.rows);
    } catch (e) {
      showError(e);
    }
  }, [api, showError]);
  useReloadOnChange(api, load);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !meeting && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, meeting]);

  const selected = progress?.communes.find((x) => x.communeCode === commune) ?? null;
  const tabs: Tab[] = ['dashboard', 'villages', 'plan'];
  return (
    <FloatingPanel kind="campaign" title={c('title')} closeTitle={c('close')} onClose={onClose} testId="campaign-panel" role="dialog" labelClose>
      <div className="campaign-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)} data-testid={`campaign-tab-${t}`}>
            {c(`tab.${t}`)}
          </button>
        ))}
      </div>
      <div className="campaign-body">
        {!progress ? null : tab === 'dashboard' ? (
          <Dashboard
            progress={progress}
            onCommune={(code) => {
              setCommune(code);
              setTab('villages');
            }}
          />
        ) : tab === 'villages' ? (
          <Villages
            info={info}
            commune={commune}
            setCommune={setCommune}
            progress={selected}
            rows={villages.filter((v) => v.props.commune_code === commune)}
            onMeeting={setMeeting}
          />
        ) : (
          <Plan progress={progress} operator={operator} />
        )}
      </div>
      {meeting && <MeetingForm target={meeting} onDone={() => setMeeting(null)} />}
    </FloatingPanel>
  );
}

function Dashboard({ progress, onCommune }: { progress: Progress; onCommune: (code: string) => void }) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const d = progress.district;
  return (
    <>
      <p className="campaign-summary" data-testid="campaign-summary">
        {c('summary', { target: progress.targetPercent, returned: d.returned, households: d.households, pct: percentText(d.percent), under: progress.communesUnderTarget, overdue: progress.communesOverdue })}
      </p>
      <table className="campaign-table" data-testid="campaign-dashboard">
        <thead>
          <tr>
            <th>{c('col.commune')}</th>
            <th>{c('col.villages')}</th>
            <th>{c('col.households')}</th>
            <th>{c('col.returned')}</th>
            <th>{c('col.coverage')}</th>
            <th>{c('col.step')}</th>
            <th>{c('col.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.communes.map((x) => (
            <tr key={x.communeCode} data-testid={`campaign-row-${x.communeCode}`} className={x.overdue.length ? 'overdue' : ''}>
              <td>
                <button className="link" onClick={() => onCommune(x.communeCode)}>
                  {x.communeName}
                </button>
              </td>
              <td className="num">{x.villages.length}</td>
              <td className="num">{x.coverage.households.toLocaleString('vi-VN')}</td>
              <td className="num">{x.coverage.returned.toLocaleString('vi-VN')}</td>
              <CoverageCell cov={x.coverage} />
              <td>{x.currentStep ? pick(STEP_LABELS[x.currentStep]) : c('done.all')}</td>
              <td className={x.overdue.length ? 'bad' : ''} data-testid="campaign-overdue">
                {x.overdue.map((s) => pick(STEP_LABELS[s])).join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CoverageChart progress={progress} />
      <Reports communeCode={null} />
    </>
  );
}

function CoverageCell({ cov }: { cov: CommuneP['coverage'] }) {
  const c = useCampaignT();
  const under = cov.meetsTarget !== true;
  const why = cov.meetsTarget === null || cov.missingHouseholds ? c('missing') : under ? c('under') : '';
  return (
    <td className={`num${under ? ' bad' : ' good'}`} data-testid="campaign-coverage" title={why}>
      {percentText(cov.percent)}
      {under && <span className="campaign-flag"> ⚠ {why}</span>}
    </td>
  );
}

function Reports({ communeCode }: { communeCode: string | null }) {
  const c = useCampaignT();
  const api = useApi();
  const showError = useErrorToast();
  const [busy, setBusy] = useState(false);
  const get = async (kind: 'pdf' | 'docx') => {
    setBusy(true);
    try {
      const r = await api.invoke(kind === 'pdf' ? 'campaign.reportPdf' : 'campaign.reportDocx', { communeCode });
      const type = kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      saveBlob(new Blob([base64Bytes(r.base64)], { type }), r.fileName);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const who = communeCode ? 'commune' : 'district';
  return (
    <div className="campaign-actions">
      <button disabled={busy} onClick={() => void get('pdf')} data-testid={`campaign-report-${who}-pdf`}>
        {c(`report.${who}.pdf`)}
      </button>
      <button disabled={busy} onClick={() => void get('docx')} data-testid={`campaign-report-${who}-docx`}>
        {c(`report.${who}.docx`)}
      </button>
      {busy && <span className="muted">{c('report.busy')}</span>}
    </div>
  );
}

function Villages({
  info,
  commune,
  setCommune,
  progress,
  rows,
  onMeeting,
}: {
  info: ProjectInfo;
  commune: string;
  setCommune: (c: string) => void;
  progress: CommuneP | null;
  rows: Row[];
  onMeeting: (t: MeetingTarget) => void;
}) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [drafts, setDrafts] = useState<Record<string, Record<string, number | boolean | null>>>({});
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('thon');
  const byId = useMemo(() => new Map(progress?.villages.map((v) => [v.id, v]) ?? []), [progress]);
  const communeName = info.settings.communes.find((x) => x.code === commune)?.name ?? commune;

  const save = async (r: Row) => {
    const props = drafts[r.id];
    if (!props) return;
    try {
      await api.invoke('edits.apply', { label: `Số liệu phiếu mẫu 01: ${String(r.props.name)}`, put: [{ table: 'villages', id: r.id, baseVersion: r.meta.version, props }] });
      setDrafts(({ [r.id]: _, ...rest }) => rest);
      toast(c('saved'), 'success');
    } catch (e) {
      showError(e);
    }
  };
  const add = async () => {
    try {
      await api.invoke('edits.apply', { label: `Thêm thôn ${name.trim()}`, put: [{ table: 'villages', geometry: null, props: { name: name.trim(), kind, commune_code: commune, pilot: false } }] });
      setName('');
    } catch (e) {
      showError(e);
    }
  };
  const value = (r: Row, f: string) => (f in (drafts[r.id] ?? {}) ? drafts[r.id]![f] : r.props[f]);
  const setField = (r: Row, f: string, v: number | boolean | null) => setDrafts((d) => ({ ...d, [r.id]: { ...d[r.id], [f]: v } }));

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
            {rows.map((r) => {
              const p = byId.get(r.id);
              return (
                <tr key={r.id} data-testid="campaign-village">
                  <td>
                    {String(r.props.name ?? '')} <span className="muted">({ENUM_LABELS[`kind:${String(r.props.kind)}`] ? pick(ENUM_LABELS[`kind:${String(r.props.kind)}`]!) : String(r.props.kind)})</span>
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
                    <button disabled={!drafts[r.id]} onClick={() => void save(r)} data-testid="campaign-village-save">
                      {c('save')}
                    </button>
                    <button onClick={() => onMeeting({ level: 'village', communeCode: commune, villageId: r.id, unitName: String(r.props.name ?? '') })} data-testid="campaign-village-meeting">
                      {c('meeting')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="muted">{c('villages.hint')}</p>
      <fieldset className="campaign-add">
        <legend>{c('add.title')}</legend>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={c('add.name')} data-testid="campaign-add-name" maxLength={200} />
        <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="campaign-add-kind">
          {VILLAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {pick(ENUM_LABELS[`kind:${k}`]!)}
            </option>
          ))}
        </select>
        <button disabled={!name.trim()} onClick={() => void add()} data-testid="campaign-add">
          {c('add')}
        </button>
      </fieldset>
      <div className="campaign-actions">
        <button onClick={() => onMeeting({ level: 'commune', communeCode: commune, villageId: null, unitName: `Xã ${communeName}` })} data-testid="campaign-commune-meeting">
          {c('meeting.commune')}
        </button>
      </div>
      <Reports communeCode={commune} />
    </>
  );
}

function CoverageText({ cov }: { cov: CommuneP['coverage'] }) {
  const c = useCampaignT();
  const under = cov.meetsTarget !== true;
  return (
    <span className={under ? 'bad' : 'good'}>
      {cov.returned.toLocaleString('vi-VN')}/{cov.households.toLocaleString('vi-VN')} ({percentText(cov.percent)}){under ? ` ⚠ ${c('under')}` : ''}
    </span>
  );
}

function Plan({ progress, operator }: { progress: Progress; operator: Operator | null }) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [target, setTarget] = useState(String(progress.targetPercent));
  const [due, setDue] = useState<Record<CampaignStep, string>>(() => Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, progress.deadlines[s] ?? ''])) as Record<CampaignStep, string>);
  const may = isReviewer(operator);
  const save = async () => {
    try {
      await api.invoke('campaign.setPlan', { targetPercent: Number(target), deadlines: Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, due[s] || null])) });
      toast(c('saved'), 'success');
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div className="campaign-plan" data-testid="campaign-plan">
      {!may && <p className="muted">{c('plan.readOnly')}</p>}
      <label>
        {c('plan.target')}{' '}
        <input type="number" min={1} max={100} value={target} disabled={!may} onChange={(e) => setTarget(e.target.value)} data-testid="campaign-target" className="campaign-num" />
      </label>
      <table className="campaign-table">
        <tbody>
          {CAMPAIGN_STEPS.map((s) => (
            <tr key={s}>
              <td>{pick(STEP_LABELS[s])}</td>
              <td>
                <input type="date" value={due[s]} disabled={!may} onChange={(e) => setDue((d) => ({ ...d, [s]: e.target.value }))} data-testid={`campaign-due-${s}`} aria-label={`${c('plan.due')}: ${pick(STEP_LABELS[s])}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{c('plan.note')}</p>
      {may && (
        <button onClick={() => void save()} data-testid="campaign-plan-save">
          {c('plan.save')}
        </button>
      )}
    </div>
  );
}

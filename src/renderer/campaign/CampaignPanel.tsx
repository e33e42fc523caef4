// The campaign panel (issue 18): the district dashboard (each commune's coverage, step and overdue
// steps, as a table and a bar chart), the commune's villages with their form 01 figures and
// conclusion meetings, the district's plan, and the reports. Figures come from campaign.progress
// (the one function main also prints the reports with); every change is one edits.apply.
import { useCallback, useEffect, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { percentText } from '../../shared/campaign/coverage';
import { CAMPAIGN_STEPS, STEP_LABELS, type CampaignStep } from '../../shared/campaign/steps';
import type { Row } from '../../shared/model/rows';
import { isReviewer } from '../../shared/review/state';
import { useApi, useErrorToast, useToast } from '../components/common';
import { FloatingPanel } from '../components/FloatingPanel';
import { useI18n } from '../i18n';
import { CoverageCell } from './CoverageCell';
import { CoverageChart } from './CoverageChart';
import { useCampaignT } from './dict';
import { MeetingForm, type MeetingTarget } from './MeetingForm';
import { Reports } from './Reports';
import type { Progress } from './types';
import { Villages } from './villages/Villages';
import { useReloadOnChange } from '../api/useReloadOnChange';

type Tab = 'dashboard' | 'villages' | 'plan';

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

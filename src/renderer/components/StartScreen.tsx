// Shown when no project is open: existing projects, the demo, a new project.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CrsInfo, Output, ProjectInfo } from '../../shared/api';
import { CRS_CATALOGUE, defaultCrsForProvince } from '../../shared/crs/catalogue';
import { slugify } from '../../shared/text/fold';
import { useI18n } from '../i18n';
import { LangSwitch } from './LangSwitch';
import { DIALOG_WIDTH, SheetFieldsEditor, sheetFieldsOf, sheetFieldsPatch, useSettingsT } from './SettingsDialog';
import type { ProjectSettings } from '../../shared/model/settings';
import { useApi, useErrorToast } from './common';
import { PracticeStart } from '../training/PracticeStart';

type Entry = Output<'project.list'>[number];

export function StartScreen({ onOpened }: { onOpened: (info: ProjectInfo) => void }) {
  const api = useApi();
  const { t, date, num } = useI18n();
  const showError = useErrorToast();
  const [projects, setProjects] = useState<Entry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api
      .invoke('project.list', {})
      .then(setProjects)
      .catch((e) => {
        setProjects([]);
        showError(e);
      });
  }, [api, showError]);

  const run = async (p: Promise<ProjectInfo>) => {
    setBusy(true);
    try {
      onOpened(await p);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="start-screen" data-testid="start-screen">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <LangSwitch />
      </header>
      <main className="start-main">
        <h1>{t('start.title')}</h1>
        <p className="muted">{t('start.intro')}</p>
        <div className="start-actions">
          <button
            className="btn btn-primary btn-large"
            data-testid="open-demo"
            disabled={busy}
            onClick={() => run(api.invoke('project.openDemo', {}))}
          >
            {t('start.openDemo')}
          </button>
          <button className="btn btn-large" data-testid="new-project" disabled={busy} onClick={() => setCreating(true)}>
            {t('start.new')}
          </button>
        </div>
        <p className="muted small">{t('start.openDemoHint')}</p>
        <PracticeStart busy={busy} onOpened={onOpened} />
        {busy && <p className="busy">{t('start.opening')}</p>}

        <section className="start-section">
          <h2>{t('start.projects')}</h2>
          {projects === null ? (
            <p className="muted">{t('app.loading')}</p>
          ) : projects.length === 0 ? (
            <p className="muted" data-testid="no-projects">
              {t('start.noProjects')}
            </p>
          ) : (
            <table className="grid-table" data-testid="project-list">
              <thead>
                <tr>
                  <th>{t('start.col.file')}</th>
                  <th>{t('start.col.title')}</th>
                  <th>{t('start.col.modified')}</th>
                  <th className="num">{t('start.col.size')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr
                    key={p.path}
                    data-testid="project-row"
                    onDoubleClick={() => run(api.invoke('project.open', { path: p.path }))}
                  >
                    <td className="mono">{p.fileName}</td>
                    <td>{p.title ?? '—'}</td>
                    <td data-testid="project-last-edit">{date(p.lastEdit ?? p.modified)}</td>
                    <td className="num">{num(p.sizeBytes / 1024, 0)} KB</td>
                    <td>
                      <button
                        className="btn btn-small"
                        disabled={busy}
                        onClick={() => run(api.invoke('project.open', { path: p.path }))}
                      >
                        {t('start.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
      {creating && (
        <NewProjectForm
          busy={busy}
          onCancel={() => setCreating(false)}
          onCreate={(input) => run(api.invoke('project.create', input))}
        />
      )}
    </div>
  );
}

const PROVINCES = Array.from(new Set(CRS_CATALOGUE.flatMap((c) => c.provinces ?? []))).sort((a, b) => a.localeCompare(b, 'vi'));

interface CreateInput {
  fileName: string;
  crsCode?: string;
  settings: Partial<ProjectSettings> & { title: string; province: { code: string; name: string } };
}

const slug = (s: string): string => slugify(s, 200);

function NewProjectForm({
  onCancel,
  onCreate,
  busy,
}: {
  onCancel: () => void;
  onCreate: (i: CreateInput) => void;
  busy: boolean;
}) {
  const api = useApi();
  const { t, pick } = useI18n();
  const showError = useErrorToast();
  const [crsList, setCrsList] = useState<CrsInfo[]>([]);
  const [fileName, setFileName] = useState('');
  const [fileTouched, setFileTouched] = useState(false);
  const [title, setTitle] = useState(t('new.defaultTitle'));
  const [titleTouched, setTitleTouched] = useState(false);
  const [province, setProvince] = useState('');
  const [crsCode, setCrsCode] = useState('');
  const [crsTouched, setCrsTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // What the sheets print (organisation, units, place, dates, signatures): asked now, editable later.
  const [sheet, setSheet] = useState(() => sheetFieldsOf());
  const st = useSettingsT();

  useEffect(() => {
    api.invoke('crs.list', {}).then(setCrsList).catch(showError);
  }, [api, showError]);

  const zone = useMemo(() => (province.trim() ? defaultCrsForProvince(province.trim()) : undefined), [province]);
  useEffect(() => {
    if (!crsTouched && zone) setCrsCode(zone.code);
  }, [zone, crsTouched]);
  useEffect(() => {
    if (!titleTouched)
      setTitle(
        province.trim() ? `${t('new.defaultTitle')} TỈNH ${province.trim().toLocaleUpperCase('vi')}` : t('new.defaultTitle'),
      );
  }, [province, titleTouched, t]);
  useEffect(() => {
    if (!fileTouched) setFileName(province.trim() ? `${slug(province)}.gpkg` : '');
  }, [province, fileTouched]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = !fileName.trim()
      ? t('new.fileName')
      : !title.trim()
        ? t('new.mapTitle')
        : !province.trim()
          ? t('new.province')
          : !crsCode
            ? t('new.crs')
            : null;
    if (missing) {
      setProblem(t('new.required', { field: missing }));
      return;
    }
    const fn = /\.gpkg$/i.test(fileName.trim()) ? fileName.trim() : `${fileName.trim()}.gpkg`;
    onCreate({ fileName: fn, crsCode, settings: { ...sheetFieldsPatch(sheet), title: title.trim(), province: { code: '', name: province.trim() } } });
  };

  return (
    <div className="modal-backdrop">
      <form
        className="modal modal-wide"
        style={{ width: DIALOG_WIDTH }}
        role="dialog"
        aria-modal="true"
        aria-label={t('new.title')}
        onSubmit={submit}
        data-testid="new-project-form"
      >
        <div className="modal-title">{t('new.title')}</div>
        <div className="modal-body form-grid" style={{ maxHeight: '70vh', overflow: 'auto' }}>
          <label htmlFor="np-province">{t('new.province')}</label>
          <div>
            <input
              id="np-province"
              list="np-provinces"
              value={province}
              onChange={(e) => setProvince(e.target.value)}
              autoFocus
            />
            <datalist id="np-provinces">
              {PROVINCES.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </div>
          <label htmlFor="np-title">{t('new.mapTitle')}</label>
          <input
            id="np-title"
            value={title}
            onChange={(e) => {
              setTitleTouched(true);
              setTitle(e.target.value);
            }}
          />
          <label htmlFor="np-file">{t('new.fileName')}</label>
          <div>
            <input
              id="np-file"
              className="mono"
              value={fileName}
              onChange={(e) => {
                setFileTouched(true);
                setFileName(e.target.value);
              }}
            />
            <small className="muted">{t('new.fileNameHint')}</small>
          </div>
          <label htmlFor="np-crs">{t('new.crs')}</label>
          <div>
            <select
              id="np-crs"
              value={crsCode}
              onChange={(e) => {
                setCrsTouched(true);
                setCrsCode(e.target.value);
              }}
            >
              <option value="" />
              {crsList.map((c) => (
                <option key={c.code} value={c.code}>
                  {pick({ vi: c.name, en: c.nameEn })} ({c.code})
                </option>
              ))}
            </select>
            <small className="muted">{province.trim() && !zone ? t('new.crsNoZone') : t('new.crsHint')}</small>
          </div>
          <div className="form-section-title" style={{ gridColumn: '1 / -1', fontWeight: 600, marginTop: 8 }}>
            {st('intro')}
          </div>
          <SheetFieldsEditor value={sheet} onChange={setSheet} idPrefix="np" />
        </div>
        {problem && (
          <p className="form-problem" role="alert" data-message="error">
            {problem}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('new.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('new.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

// Import wizard: choose the file, preview it (its X/Y columns and points on a small map), map it to a
// layer and fields, choose the CRS (with the 200 m warning; fixed formats say so, guesses say they
// are guesses), see what is already in the project and which rings are open, run it as a job with a
// progress bar and cancel. The CRS belongs to one file and never carries over to the next; the
// target layer and fixed values are the session's and stay.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output, ProjectInfo } from '../../shared/api';
import { DBF_ENCODING_NAMES } from '../../shared/contract/limits';
import type { PropValue } from '../../shared/model/rows';
import { TABLES, TABLE_NAMES, type FieldDef, type TableName } from '../../shared/model/tables';
import { useApi, useErrorToast, useToast } from '../components/common';
import { classDef } from '../../shared/symbology';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';
import { useExchangeT } from './dict';
import { useJob } from '../components/useJob';
import { useImportsFolder } from './useImportsFolder';
import { InvalidList } from './InvalidList';
import { ImportMapPreview } from './ImportMapPreview';

type Preview = Output<'exchange.preview'>;
type CrsItem = Output<'crs.list'>[number];
const SHP_PARTS = /\.(shp|dbf|shx|prj|cpg)$/i;

/** A .shp brings its siblings; any other file stands alone. */
function withSiblings(name: string, all: string[]): string[] {
  if (!SHP_PARTS.test(name)) return [name];
  const stem = name.replace(SHP_PARTS, '').toLowerCase();
  return all.filter((n) => SHP_PARTS.test(n) && n.replace(SHP_PARTS, '').toLowerCase() === stem);
}

/** Code-list values as people read them: the legend text for classified kinds, the shared labels otherwise. */
function enumLabel(table: TableName, field: string, v: string, pick: (x: { vi: string; en: string }) => string): string {
  const legend = classDef(`${table}:${v}`)?.legend;
  if (legend) return `${pick(legend)} (${v})`;
  const l = ENUM_LABELS[`${field}:${v}`];
  return l ? pick(l) : v;
}

function guessTable(p: Preview['layers'][number] | undefined): TableName {
  const types = Object.keys(p?.geometryTypes ?? {});
  if (types.some((t) => /Polygon/.test(t))) return 'search_areas';
  if (types.some((t) => /LineString/.test(t))) return 'base_lines';
  return 'info_points';
}

export function ImportWizard({ info }: { info: ProjectInfo }) {
  const api = useApi();
  const x = useExchangeT();
  const { pick, num } = useI18n();
  const showError = useErrorToast();
  const toast = useToast();
  const { files, refresh, upload } = useImportsFolder();
  const [selected, setSelected] = useState<string[]>([]);
  const [encoding, setEncoding] = useState<string>('');
  const [east, setEast] = useState('');
  const [north, setNorth] = useState('');
  const [headerRow, setHeaderRow] = useState('');
  const [crs, setCrs] = useState('');
  const [layer, setLayer] = useState('');
  const [table, setTable] = useState<TableName | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [map, setMap] = useState<Record<string, string>>({});
  /** Fixed values per target table: kept for the session, like the table. */
  const [allDefaults, setAllDefaults] = useState<Partial<Record<TableName, Record<string, string>>>>({});
  const [repair, setRepair] = useState(false);
  const [skipOther, setSkipOther] = useState(false);
  const [closeRings, setCloseRings] = useState(false);
  const [dupImport, setDupImport] = useState(false);
  /** Which file, table and layer `map` was suggested for: a map of another table is not sent. */
  const [mapFor, setMapFor] = useState('');
  const [job, setJob] = useJob();
  const [crsList, setCrsList] = useState<CrsItem[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.invoke('crs.list', {}).then(setCrsList).catch(showError);
  }, [api, showError]);

  const names = useMemo(() => files?.imports.map((f) => f.name) ?? [], [files]);
  const current = preview?.layers.find((l) => l.name === layer) ?? preview?.layers[0];
  const isSheet = /\.(xlsx|xlsm|ods)$/i.test(selected[0] ?? '');
  const isTable = isSheet || /\.(csv|txt)$/i.test(selected[0] ?? '');
  const header = isSheet && /^\d+$/.test(headerRow) && Number(headerRow) >= 1 ? { headerRow: Number(headerRow) } : {};
  const isShp = selected.some((n) => /\.(shp|zip)$/i.test(n));
  const mapKey = `${selected.join('|')}#${table ?? ''}#${layer}`;
  const fields = table ? (TABLES[table].fields as readonly FieldDef[]) : [];
  const defaults = useMemo(() => (table ? (allDefaults[table] ?? {}) : {}), [allDefaults, table]);
  const setDefaults = (d: Record<string, string>) => table && setAllDefaults({ ...allDefaults, [table]: d });
  const typedDefaults = useMemo(() => {
    const defs: Record<string, PropValue> = {};
    for (const f of fields) {
      const v = defaults[f.name];
      if (v === undefined || v === '') continue;
      defs[f.name] = f.type === 'integer' || f.type === 'real' ? Number(v) : f.type === 'boolean' ? v === 'true' : v;
    }
    return defs;
  }, [fields, defaults]);
  const sentMap = mapFor === mapKey ? Object.fromEntries(Object.entries(map).filter(([, v]) => v)) : undefined;
  const sentMapKey = JSON.stringify(sentMap ?? null);

  // Re-read whenever what decides the reading or the rows changes (the encoding gives a live preview
  // of names; the map and fixed values change the duplicate count and the refusal foreseen).
  useEffect(() => {
    if (!selected.length) return setPreview(null);
    let stale = false;
    const timer = setTimeout(() => {
      setReading(true);
      api
        .invoke('exchange.preview', {
          files: selected,
          ...(layer ? { layer } : {}),
          ...(encoding ? { encoding: encoding as (typeof DBF_ENCODING_NAMES)[number] } : {}),
          ...(east ? { eastField: east } : {}),
          ...(north ? { northField: north } : {}),
          ...header,
          ...(crs ? { crs } : {}),
          ...(table ? { table } : {}),
          ...(sentMap ? { map: sentMap } : {}),
          defaults: typedDefaults,
          repair,
          closeRings,
          skipOtherTypes: skipOther,
        })
        .then((p) => {
          if (stale) return;
          setPreview(p);
          const l = p.layers.find((q) => q.name === layer) ?? p.layers[0];
          // The first file of the session proposes a target layer; later files keep the user's.
          if (!table) setTable(guessTable(l));
          else if (mapFor !== mapKey) {
            // The user's choices that still fit (same target field, a column this file has) stay over the suggestion.
            // From the state as it is now, not as it was when this read was asked: a choice made while
            // the answer was on its way must not be overwritten by the suggestion.
            setMap((now) => {
              const kept = Object.entries(now).filter(([t, src]) => src && fields.some((f) => f.name === t) && l?.fields.includes(src));
              return { ...(l?.suggestedMap ?? {}), ...Object.fromEntries(kept) };
            });
            setMapFor(mapKey);
          }
        })
        .catch((e) => {
          if (!stale) {
            setPreview(null);
            showError(e);
          }
        })
        .finally(() => !stale && setReading(false));
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, selected, encoding, east, north, header.headerRow, crs, table, layer, sentMapKey, typedDefaults, repair, closeRings, skipOther, showError]);

  /** A new file: everything that belongs to the file starts afresh (its CRS above all); the target layer and fixed values stay. */
  const startFile = (files: string[]) => {
    setSelected(files);
    setLayer('');
    setCrs('');
    setEast('');
    setNorth('');
    setHeaderRow('');
    setEncoding('');
    setRepair(false);
    setCloseRings(false);
    setSkipOther(false);
    setDupImport(false);
    setMapFor('');
    setJob(null);
  };
  const choose = (name: string) => startFile(withSiblings(name, names));
  const onUpload = async (list: FileList | null) => {
    if (!list?.length) return;
    const kept = await upload(list);
    if (kept.length) {
      const shp = kept.find((n) => /\.shp$/i.test(n));
      startFile(shp ? kept.filter((n) => SHP_PARTS.test(n)) : [kept[0]!]);
    }
  };

  const crsKnown = !!(crs || current?.crs.code);
  const allDuplicates = !!current && current.duplicates !== null && current.duplicates >= current.count;
  const running = job?.state === 'running';
  const crsName = (code: string | null) => (code ? (crsList.find((c) => c.code === code)?.name ?? code) : '—');
  const columns = current ? [...(current.coordinates ? [current.coordinates.north, current.coordinates.east] : []), ...current.fields] : [];

  const run = async () => {
    if (!table || !current) return;
    try {
      const r = await api.invoke('exchange.import', {
        files: selected,
        layer: current.name,
        table,
        ...(crs ? { crs } : {}),
        map: Object.fromEntries(Object.entries(map).filter(([, s]) => s)),
        defaults: typedDefaults,
        repair,
        skipOtherTypes: skipOther,
        closeRings,
        duplicates: dupImport ? 'import' : 'skip',
        ...(encoding ? { encoding: encoding as (typeof DBF_ENCODING_NAMES)[number] } : {}),
        ...(east ? { eastField: east } : {}),
        ...(north ? { northField: north } : {}),
        ...header,
      });
      setJob(r.job);
    } catch (e) {
      showError(e, x('failed'));
    }
  };
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(x('done', { n: num(job.total || current?.count || 0) }), 'success');
    else if (job.state === 'cancelled') toast(x('cancelled'), 'info');
    else toast(`${x('failed')} ${pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' })}`, 'error');
  }, [job?.state]);

  return (
    <div className="xc-wizard">
      <section className="xc-step">
        <h3>{x('step.file')}</h3>
        <div className="xc-row">
          <button className="btn" onClick={() => fileInput.current?.click()} data-testid="exchange-upload">
            {x('upload')}
          </button>
          <input ref={fileInput} type="file" multiple hidden onChange={(e) => void onUpload(e.target.files)} data-testid="exchange-file-input" />
          <button className="btn btn-quiet" onClick={refresh}>
            {x('refresh')}
          </button>
        </div>
        <p className="xc-hint">{x('upload.hint')}</p>
        <div className="xc-label">{x('folder')}</div>
        <ul className="xc-files" data-testid="exchange-files">
          {names.length === 0 && <li className="muted">{x('folder.empty')}</li>}
          {names.map((n) => (
            <li key={n}>
              <button className={`xc-file${selected.includes(n) ? ' xc-file-on' : ''}`} onClick={() => choose(n)}>
                {n}
              </button>
            </li>
          ))}
        </ul>
        {selected.length > 0 && <div className="xc-selected">{x('selected', { names: selected.join(', ') })}</div>}
      </section>

      <section className="xc-step" data-testid="exchange-preview">
        <h3>{x('step.preview')}</h3>
        {reading && <div className="muted">{x('reading')}</div>}
        {preview && current && (
          <>
            <div className="xc-facts">
              <span>
                {x('format')}: <b>{preview.format}</b>
              </span>
              {preview.layers.length > 1 && (
                <label>
                  {x('layer')}{' '}
                  <select value={current.name} onChange={(e) => setLayer(e.target.value)} data-testid="exchange-layer">
                    {preview.layers.map((l) => (
                      <option key={l.name} value={l.name}>
                        {l.name} ({l.count})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <span data-testid="exchange-count">{x('count', { n: num(current.count) })}</span>
              <span>
                {x('geomTypes')}: {Object.entries(current.geometryTypes).map(([k, v]) => `${k} ${v}`).join(', ')}
              </span>
            </div>
            <div className="xc-facts">
              <span>
                {x(current.crs.how === 'guessed' ? 'crs.guessedLabel' : 'crs.detected')}: <b data-testid="exchange-crs-detected" data-how={current.crs.how}>{crsName(current.crs.fileSays)}</b>
                {current.crs.said ? <span className="muted"> ({current.crs.said})</span> : null}
              </span>
            </div>
            {current.crs.fixed && (
              <div className="xc-note" data-testid="exchange-crs-fixed">
                {x('crs.fixed', { format: preview.format.toUpperCase() })}
              </div>
            )}
            {(current.crs.how === 'declared' || current.crs.how === 'prj') && current.crs.fileSays && (
              <div className="xc-note" data-testid="exchange-crs-declared">
                {x('crs.declared', { name: crsName(current.crs.fileSays) })}
              </div>
            )}
            {current.crs.how === 'guessed' && (
              <div className="xc-warn xc-warn-soft" data-testid="exchange-crs-guess">
                {x('crs.guessed', { name: crsName(current.crs.code) })}
              </div>
            )}
            {[...preview.warnings, ...current.crs.notes].map((w, i) => (
              <div key={i} className="xc-note">
                {pick(w)}
              </div>
            ))}
            {current.outsideVietnam > 0 && (
              <div className="xc-warn" data-testid="exchange-outside">
                {x('outside', { n: num(current.outsideVietnam) })}
              </div>
            )}
            {current.openRingCount > 0 && (
              <div className="xc-warn" data-testid="exchange-open-rings">
                {x('openRings', { n: num(current.openRingCount), rows: `${current.openRings.slice(0, 20).join(', ')}${current.openRingCount > 20 ? ', …' : ''}` })}
                <label className="xc-check">
                  <input type="checkbox" checked={closeRings} onChange={(e) => setCloseRings(e.target.checked)} data-testid="exchange-close-rings" /> {x('closeRings')}
                </label>
              </div>
            )}
            {current.invalidCount > 0 && (
              <div className="xc-warn" data-testid="exchange-invalid">
                {x('invalid', { n: num(current.invalidCount) })}
                <InvalidList
                  first={current.invalid}
                  total={current.invalidCount}
                  source={{
                    files: selected,
                    layer: current.name,
                    ...(encoding ? { encoding: encoding as (typeof DBF_ENCODING_NAMES)[number] } : {}),
                    ...(east ? { eastField: east } : {}),
                    ...(north ? { northField: north } : {}),
                    ...header,
                    ...(crs ? { crs } : {}),
                  }}
                />
                <label className="xc-check">
                  <input type="checkbox" checked={repair} onChange={(e) => setRepair(e.target.checked)} data-testid="exchange-repair" /> {x('repair', { n: num(current.invalidCount) })}
                </label>
              </div>
            )}
            {current.points.length > 0 && <ImportMapPreview points={current.points} communes={preview.communes} title={x('map.title')} />}
            <div className="xc-label">{x('sample')}</div>
            <div className="xc-table-wrap">
              <table className="xc-table" data-testid="exchange-sample">
                <thead>
                  <tr>
                    <th>{x('row')}</th>
                    {current.coordinates && (
                      <>
                        <th className="xc-coord">X · {current.coordinates.north}</th>
                        <th className="xc-coord">Y · {current.coordinates.east}</th>
                      </>
                    )}
                    {current.fields.slice(0, 8).map((f) => (
                      <th key={f}>{f}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {current.sample.slice(0, 8).map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      {current.coordinates && (
                        <>
                          <td className="xc-coord">{r.position ? String(r.position[1]) : ''}</td>
                          <td className="xc-coord">{r.position ? String(r.position[0]) : ''}</td>
                        </>
                      )}
                      {current.fields.slice(0, 8).map((f) => (
                        <td key={f}>{String(r.props[f] ?? '')}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {preview && current && (
        <section className="xc-step">
          <h3>{x('step.map')}</h3>
          <div className="xc-grid">
            <label>
              {x('target')}
              <select value={table ?? ''} onChange={(e) => setTable(e.target.value as TableName)} data-testid="exchange-target">
                {TABLE_NAMES.filter((t) => t !== 'links' && t !== 'attachments').map((t) => (
                  <option key={t} value={t}>
                    {pick(TABLES[t])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {x('crs.choose')}
              <select value={crs} onChange={(e) => setCrs(e.target.value)} disabled={current.crs.fixed} title={current.crs.fixed ? x('crs.fixed', { format: preview.format.toUpperCase() }) : undefined} data-testid="exchange-crs">
                <option value="">{x('crs.fromFile')}</option>
                {crsList.map((c) => (
                  <option key={c.code} value={c.code}>
                    {pick({ vi: c.name, en: c.nameEn })}
                  </option>
                ))}
              </select>
            </label>
            {isShp && (
              <label>
                {x('encoding')}
                <select value={encoding} onChange={(e) => setEncoding(e.target.value)} data-testid="exchange-encoding">
                  <option value="">{x('encoding.auto')}</option>
                  {DBF_ENCODING_NAMES.map((n) => (
                    <option key={n} value={n}>
                      {n === 'tcvn3' ? 'TCVN3 (ABC, .VnTime)' : n === 'vni' ? 'VNI (VNI-Times)' : n}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {isSheet && (
              <label>
                {x('sheet.headerRow')}
                <input type="number" min={1} value={headerRow} onChange={(e) => setHeaderRow(e.target.value)} placeholder={x('sheet.headerAuto')} data-testid="exchange-header-row" />
              </label>
            )}
            {isTable && (
              <>
                <ColumnSelect label={x('csv.north')} none={x('csv.pick')} columns={columns} value={north || current.coordinates?.north || ''} onChange={setNorth} testId="exchange-north" />
                <ColumnSelect label={x('csv.east')} none={x('csv.pick')} columns={columns} value={east || current.coordinates?.east || ''} onChange={setEast} testId="exchange-east" />
                <div className="xc-note span-2">{x('csv.axis')}</div>
              </>
            )}
          </div>
          {Object.keys(current.geometryTypes).filter((t) => t !== 'null').length > 1 && (
            <label className="xc-check">
              <input type="checkbox" checked={skipOther} onChange={(e) => setSkipOther(e.target.checked)} data-testid="exchange-skip-other" /> {x('skipOther')}
            </label>
          )}
          {(!crsKnown || crs) && (
            <div className={`xc-warn${crsKnown ? ' xc-warn-soft' : ''}`} data-testid="exchange-crs-warning">
              {!crsKnown && <b>{x('crs.unknown')} </b>}
              {x('crs.warning')}
            </div>
          )}
          {table && (
            <table className="xc-table xc-map" data-testid="exchange-map">
              <thead>
                <tr>
                  <th>{x('field.target')}</th>
                  <th>{x('field.source')}</th>
                  <th>{x('field.default')}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f.name}>
                    <td>
                      {pick(f)} {f.required && <span className="xc-req">({x('field.required')})</span>}
                    </td>
                    <td>
                      <select value={map[f.name] ?? ''} onChange={(e) => setMap({ ...map, [f.name]: e.target.value })} data-testid={`exchange-map-${f.name}`}>
                        <option value="">{x('field.none')}</option>
                        {current.fields.map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {f.type === 'enum' ? (
                        <select value={defaults[f.name] ?? ''} onChange={(e) => setDefaults({ ...defaults, [f.name]: e.target.value })} data-testid={`exchange-default-${f.name}`}>
                          <option value="">—</option>
                          {(f.values ?? []).map((v) => (
                            <option key={v} value={v}>
                              {enumLabel(table, f.name, v, pick)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input value={defaults[f.name] ?? ''} onChange={(e) => setDefaults({ ...defaults, [f.name]: e.target.value })} data-testid={`exchange-default-${f.name}`} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {preview && current && table && (
        <section className="xc-step">
          <h3>{x('step.run')}</h3>
          {current.duplicates !== null && current.duplicates > 0 && (
            <div className="xc-warn" data-testid="exchange-duplicates">
              {x('dup', { n: num(current.duplicates) })} {allDuplicates && x('dup.all')}
              <label className="xc-check">
                <input type="radio" name="xc-dup" checked={!dupImport} onChange={() => setDupImport(false)} data-testid="exchange-dup-skip" /> {x('dup.skip')}
              </label>
              <label className="xc-check">
                <input type="radio" name="xc-dup" checked={dupImport} onChange={() => setDupImport(true)} data-testid="exchange-dup-import" /> {x('dup.import')}
              </label>
            </div>
          )}
          {current.problem && !current.openRingCount && !current.invalidCount && !current.outsideVietnam && (
            <div className="xc-warn" data-testid="exchange-problem">
              <b>{x('problem')}</b> {pick(current.problem)}
            </div>
          )}
          <div className="xc-row">
            {/* Not disabled while a preview is read: a choice made just before the click starts a new read
                150 ms later, and the click then landed on a button disabled under it and was lost. The
                import is sent with the form's own choices; main checks them all again. */}
            <button className="btn btn-primary" onClick={run} disabled={running || (!crsKnown && TABLES[table].kind === 'feature') || (allDuplicates && !dupImport)} data-testid="exchange-run">
              {x('run')}
            </button>
            {running && (
              <button className="btn" onClick={() => job && api.invoke('jobs.cancel', { id: job.id }).catch(showError)} data-testid="exchange-cancel">
                {x('cancel')}
              </button>
            )}
          </div>
          {job && (
            <div className="xc-progress" data-testid="exchange-progress" data-state={job.state}>
              <progress max={job.total || 1} value={job.state === 'done' ? job.total || 1 : job.done} />
              <span>{job.state === 'running' ? x('running', { done: num(job.done), total: num(job.total) }) : job.state === 'done' ? x('done', { n: num(job.total || current.count) }) : job.state === 'cancelled' ? x('cancelled') : `${x('failed')} ${pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' })}`}</span>
            </div>
          )}
          <p className="xc-hint">{info.crs.name}</p>
        </section>
      )}
    </div>
  );
}

/** A column of the file for one coordinate (X north, Y east). */
function ColumnSelect(p: { label: string; none: string; columns: string[]; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label>
      {p.label}
      <select value={p.value} onChange={(e) => p.onChange(e.target.value)} data-testid={p.testId}>
        <option value="">{p.none}</option>
        {p.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

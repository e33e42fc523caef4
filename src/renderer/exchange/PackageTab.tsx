// Commune packages: make one for a commune; review a package's changes and conflicts side by side,
// decide each conflict, merge.
import { useRef, useState } from 'react';
import type { Output, ProjectInfo } from '../../shared/api';
import { TABLES, type TableName } from '../../shared/model/tables';
import { getClient } from '../api';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import { fieldLabel, fieldText } from '../drafting/fieldText';
import { useExchangeT } from './dict';
import { useImportsFolder } from './useImportsFolder';

type Review = Output<'exchange.packagePreview'>;
type Side = Review['conflicts'][number]['ours'];

function SideView({ table, side, other }: { table: TableName; side: Side; other: Side }) {
  const x = useExchangeT();
  const { pick, date } = useI18n();
  const label = (k: string) => fieldLabel(table, k, pick);
  const value = (k: string) => fieldText(table, k, side.props[k], pick);
  const keys = [...new Set([...Object.keys(side.props), ...Object.keys(other.props)])].filter((k) => (side.props[k] ?? null) !== null || (other.props[k] ?? null) !== null);
  const geomDiffers = JSON.stringify(side.geometry) !== JSON.stringify(other.geometry);
  return (
    <table className="xc-table">
      <tbody>
        {keys.map((k) => (
          <tr key={k} className={(side.props[k] ?? null) !== (other.props[k] ?? null) ? 'xc-diff' : ''}>
            <th>{label(k)}</th>
            <td>{value(k)}</td>
          </tr>
        ))}
        {geomDiffers && (
          <tr className="xc-diff">
            <th>geometry</th>
            <td>{side.geometry?.type ?? '—'}</td>
          </tr>
        )}
        <tr>
          <th />
          <td className="muted">
            {side.deleted ? `${x('pkg.deleted')} ` : ''}
            {side.updatedBy} · {date(side.updatedAt)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function PackageTab({ info }: { info: ProjectInfo }) {
  const api = useApi();
  const x = useExchangeT();
  const { pick, num } = useI18n();
  const showError = useErrorToast();
  const toast = useToast();
  const { files, refresh, upload } = useImportsFolder();
  const [commune, setCommune] = useState(info.settings.communes[0]?.code ?? '');
  const [made, setMade] = useState<Output<'exchange.packageExport'> | null>(null);
  const [file, setFile] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [decisions, setDecisions] = useState<Record<string, 'ours' | 'theirs'>>({});
  const pkgInput = useRef<HTMLInputElement>(null);

  const make = async () => {
    try {
      setMade(await api.invoke('exchange.packageExport', { communes: commune ? [commune] : null }));
      refresh();
    } catch (e) {
      showError(e);
    }
  };
  const load = async (name: string) => {
    setFile(name);
    setReview(null);
    setDecisions({});
    try {
      setReview(await api.invoke('exchange.packagePreview', { file: name }));
    } catch (e) {
      showError(e);
    }
  };
  const apply = async () => {
    try {
      const r = await api.invoke('exchange.packageImport', { file, decisions });
      toast(r.applied ? x('pkg.applied', { n: num(r.applied) }) : x('pkg.nothing'), 'success');
      await load(file);
    } catch (e) {
      showError(e);
    }
  };
  const packages = files?.imports.filter((f) => /\.gpkg$/i.test(f.name)) ?? [];
  const undecided = review ? review.conflicts.filter((c) => !decisions[`${c.table}/${c.id}`]).length : 0;

  return (
    <div className="xc-package" data-testid="exchange-package">
      <section className="xc-step">
        <h3>{x('pkg.export')}</h3>
        <p className="xc-hint">{x('pkg.exportHint')}</p>
        <div className="xc-row">
          <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="exchange-pkg-commune">
            {info.settings.communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
            <option value="">{x('pkg.whole')}</option>
          </select>
          <button className="btn btn-primary" onClick={make} data-testid="exchange-pkg-make">
            {x('pkg.export')}
          </button>
          {made && (
            <a href={getClient().binUrl(`exports/${made.fileName}`)} download={made.fileName} data-testid="exchange-pkg-link">
              {x('export.download')} {made.fileName}
            </a>
          )}
        </div>
      </section>
      <section className="xc-step">
        <h3>{x('pkg.import')}</h3>
        <div className="xc-row">
          <button className="btn" onClick={() => pkgInput.current?.click()} data-testid="exchange-pkg-upload">
            {x('upload')}
          </button>
          <input ref={pkgInput} type="file" accept=".gpkg" hidden onChange={async (e) => e.target.files && (await upload(e.target.files))} />
        </div>
        <div className="xc-label">{x('pkg.choose')}</div>
        <ul className="xc-files">
          {packages.map((f) => (
            <li key={f.name}>
              <button className={`xc-file${file === f.name ? ' xc-file-on' : ''}`} onClick={() => void load(f.name)}>
                {f.name}
              </button>
            </li>
          ))}
        </ul>
        {review && (
          <>
            <div className="xc-facts" data-testid="exchange-pkg-summary">
              {x('pkg.summary', { changes: num(review.changes.length), conflicts: num(review.conflicts.length), unchanged: num(review.unchanged) })}
            </div>
            {review.changes.length > 0 && (
              <ul className="xc-changes">
                {review.changes.slice(0, 200).map((c) => (
                  <li key={`${c.table}/${c.id}`}>
                    <b>{x(`kind.${c.kind}`)}</b> {pick(TABLES[c.table])}: {c.name ?? c.id.slice(0, 8)}
                  </li>
                ))}
              </ul>
            )}
            {review.conflicts.map((c) => {
              const key = `${c.table}/${c.id}`;
              // Deleted on one side, edited on the other: the choice is between the deletion and the feature.
              const oursSays = c.ours.deleted ? x('pkg.keepDeletion') : c.theirs.deleted ? x('pkg.keepEdited') : x('pkg.keepOurs');
              const theirsSays = c.theirs.deleted ? x('pkg.keepDeletion') : c.ours.deleted ? x('pkg.keepEditedRestore') : x('pkg.takeTheirs');
              return (
                <div key={key} className="xc-conflict" data-testid="exchange-conflict">
                  <div className="xc-conflict-title">
                    {pick(TABLES[c.table])} · {String(c.ours.props.name ?? c.id.slice(0, 8))}
                  </div>
                  <div className="xc-sides">
                    <label className={`xc-side${decisions[key] === 'ours' ? ' xc-side-on' : ''}`}>
                      <input type="radio" name={key} checked={decisions[key] === 'ours'} onChange={() => setDecisions({ ...decisions, [key]: 'ours' })} data-testid="exchange-conflict-ours" /> {x('pkg.ours')} — {oursSays}
                      <SideView table={c.table} side={c.ours} other={c.theirs} />
                    </label>
                    <label className={`xc-side${decisions[key] === 'theirs' ? ' xc-side-on' : ''}`}>
                      <input type="radio" name={key} checked={decisions[key] === 'theirs'} onChange={() => setDecisions({ ...decisions, [key]: 'theirs' })} data-testid="exchange-conflict-theirs" /> {x('pkg.theirs')} — {theirsSays}
                      <SideView table={c.table} side={c.theirs} other={c.ours} />
                    </label>
                  </div>
                </div>
              );
            })}
            <button className="btn btn-primary" onClick={apply} disabled={undecided > 0} data-testid="exchange-pkg-apply">
              {x('pkg.apply')}
            </button>
          </>
        )}
      </section>
    </div>
  );
}

// An edit refused because someone saved the same feature after this window read it: both versions
// side by side (attributes in two columns, the differences marked; both outlines when the shapes
// differ), and the user chooses: keep mine (my change applied again on top of the current version),
// take theirs (nothing written), or field by field. Nothing acknowledged is lost either way: the
// other's save stays in the history, and so does mine when kept.
import { useEffect, useState } from 'react';
import type { Geometry } from '../../shared/model/geometry';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { TABLES, type FieldDef, type TableName } from '../../shared/model/tables';
import { geometryExtent } from '../../shared/model/geometry-extent';
import { Modal, useApi } from '../components/common';
import { toUiError } from '../errors';
import { useI18n } from '../i18n';
import { useD } from './dict';
import { fieldLabel, fieldText } from './fieldText';

export interface Conflict {
  table: TableName;
  /** The row as this window read it before the refused save. */
  seen: Row;
  /** What this window changed: the fields of the refused save (and its geometry, if it moved it). */
  mine: { props: RowProps; geometry?: Geometry };
  /** The refusal (names who changed the row). */
  message: string;
}

export type ConflictOutcome = 'kept' | 'taken' | 'merged';
type Choice = 'mine' | 'theirs';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function ConflictDialog({ conflict, onDone }: { conflict: Conflict; onDone: (outcome: ConflictOutcome, who: string) => void }) {
  const api = useApi();
  const d = useD();
  const { pick, lang } = useI18n();
  const { table, seen, mine } = conflict;
  const [current, setCurrent] = useState<Row | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The row as it is now: the other side of the comparison, and the baseVersion of what is kept.
  const read = () =>
    api.invoke('rows.get', { table, id: seen.id }).then(
      (r) => {
        setCurrent(r);
        setChoices(Object.fromEntries(Object.keys(mine.props).map((k) => [k, 'mine' as Choice])));
      },
      (e: unknown) => setError(toUiError(e, lang).message),
    );
  useEffect(() => {
    void read();
  }, [seen.id]);

  const who = current?.meta.updatedBy ?? '…';
  const myProps: RowProps = { ...seen.props, ...mine.props };
  const fields = (TABLES[table].fields as readonly FieldDef[]).map((f) => f.name);
  // The fields either side changed: mine (my save), theirs (differs from what I read).
  const shown = current ? fields.filter((k) => k in mine.props || !same(seen.props[k], current.props[k])) : [];
  const myGeometry = mine.geometry ?? seen.geometry;

  const write = async (outcome: ConflictOutcome, props: RowProps, geometry?: Geometry) => {
    if (!current) return;
    if (Object.keys(props).length === 0 && !geometry) {
      onDone('taken', who);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.invoke('edits.apply', {
        label: `Giải quyết xung đột: ${TABLES[table].vi}`,
        put: [{ table, id: seen.id, baseVersion: current.meta.version, props, ...(geometry ? { geometry } : {}) }],
      });
      onDone(outcome, who);
    } catch (e) {
      // A third save meanwhile: show its version and let the user choose again.
      setError(toUiError(e, lang).message);
      void read();
    } finally {
      setBusy(false);
    }
  };
  const keepMine = () => void write('kept', mine.props, mine.geometry);
  const merge = () => {
    if (!current) return;
    const props: RowProps = {};
    for (const k of Object.keys(mine.props)) if (choices[k] === 'mine' && !same(mine.props[k], current.props[k])) props[k] = mine.props[k]!;
    void write('merged', props, choices['__geometry'] === 'mine' ? mine.geometry : undefined);
  };

  return (
    <Modal title={d('conflict.title')} testId="conflict-dialog">
      <p className="small" data-message="note">
        {current ? d(current.meta.deleted ? 'conflict.deleted' : 'conflict.intro', { who, version: current.meta.version }) : conflict.message}
      </p>
      {current && shown.length > 0 && (
        <table className="xc-table conflict-table" data-testid="conflict-table">
          <thead>
            <tr>
              <th>{d('conflict.field')}</th>
              <th>{d('conflict.theirs', { who })}</th>
              <th>{d('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((k) => {
              const differs = !same(current.props[k], myProps[k]);
              return (
                <tr key={k} className={differs ? 'xc-diff' : ''} data-testid="conflict-field" data-field={k}>
                  <th>{fieldLabel(table, k, pick)}</th>
                  <td>
                    {differs && k in mine.props && <input type="radio" name={`c-${k}`} checked={choices[k] === 'theirs'} onChange={() => setChoices({ ...choices, [k]: 'theirs' })} aria-label={d('conflict.theirs', { who })} data-testid="conflict-pick-theirs" />}{' '}
                    {fieldText(table, k, current.props[k], pick)}
                  </td>
                  <td>
                    {differs && k in mine.props && <input type="radio" name={`c-${k}`} checked={choices[k] === 'mine'} onChange={() => setChoices({ ...choices, [k]: 'mine' })} aria-label={d('conflict.mine')} data-testid="conflict-pick-mine" />}{' '}
                    {fieldText(table, k, myProps[k], pick)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {current && (
        <div className="conflict-shapes">
          {same(current.geometry, myGeometry) ? (
            <p className="small muted">{d('conflict.sameGeometry')}</p>
          ) : (
            <>
              <b className="small">{d('conflict.geometry')}</b>
              <Outlines theirs={current.geometry} mine={myGeometry} />
              {/* The legend of the drawing; with my own shape at stake, also the choice for "merge". */}
              <div className="small">
                <label>
                  {mine.geometry && <input type="radio" name="c-geometry" checked={choices['__geometry'] !== 'mine'} onChange={() => setChoices({ ...choices, __geometry: 'theirs' })} />}{' '}
                  <span className="conflict-key conflict-key-theirs" /> {d('conflict.theirs', { who })}
                </label>{' '}
                <label>
                  {mine.geometry && <input type="radio" name="c-geometry" checked={choices['__geometry'] === 'mine'} onChange={() => setChoices({ ...choices, __geometry: 'mine' })} />}{' '}
                  <span className="conflict-key conflict-key-mine" /> {d('conflict.mine')}
                </label>
              </div>
            </>
          )}
        </div>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="conflict-error" data-message="error">
          {error}
        </div>
      )}
      <div className="modal-actions">
        <button className="btn btn-primary" onClick={keepMine} disabled={!current || busy} data-testid="conflict-keep-mine">
          {d('conflict.keepMine')}
        </button>
        <button className="btn" onClick={() => onDone('taken', who)} disabled={busy} data-testid="conflict-take-theirs">
          {d('conflict.takeTheirs')}
        </button>
        <button className="btn" onClick={merge} disabled={!current || busy} data-testid="conflict-merge">
          {d('conflict.merge')}
        </button>
      </div>
    </Modal>
  );
}

/** Both shapes in one small drawing: theirs in red, mine in blue dashes. */
function Outlines({ theirs, mine }: { theirs: Geometry | null; mine: Geometry | null }) {
  const boxes = [theirs, mine].filter((g): g is Geometry => !!g).map(geometryExtent);
  if (boxes.length === 0) return null;
  const [x0, y0, x1, y1] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  const size = Math.max(x1 - x0, y1 - y0, 1) * 1.1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const W = 220;
  // Map y grows north; SVG y grows down.
  const pt = (p: readonly number[]) => `${(((p[0]! - cx) / size + 0.5) * W).toFixed(1)},${((0.5 - (p[1]! - cy) / size) * W).toFixed(1)}`;
  const paths = (g: Geometry | null): string[] => {
    if (!g) return [];
    switch (g.type) {
      case 'Point':
        return [`M${pt(g.coordinates)}m-4,0a4,4 0 1,0 8,0a4,4 0 1,0 -8,0`];
      case 'LineString':
        return [`M${g.coordinates.map(pt).join('L')}`];
      case 'MultiLineString':
        return g.coordinates.map((l) => `M${l.map(pt).join('L')}`);
      case 'Polygon':
        return g.coordinates.map((r) => `M${r.map(pt).join('L')}Z`);
      case 'MultiPolygon':
        return g.coordinates.flatMap((p) => p.map((r) => `M${r.map(pt).join('L')}Z`));
      default:
        return [];
    }
  };
  return (
    <svg width={W} height={W} viewBox={`0 0 ${W} ${W}`} className="conflict-svg" data-testid="conflict-outlines" role="img">
      {paths(theirs).map((p, i) => (
        <path key={`t${i}`} d={p} fill="rgba(200,40,40,0.12)" stroke="#c82828" strokeWidth={2} />
      ))}
      {paths(mine).map((p, i) => (
        <path key={`m${i}`} d={p} fill="none" stroke="#2f6fb0" strokeWidth={2} strokeDasharray="5 3" />
      ))}
    </svg>
  );
}

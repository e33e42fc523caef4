// Attributes of the feature under the cursor or selected (read-only for now).
import { TABLES, type FieldDef } from '../../shared/model/tables';
import { CLASS_FIELD, classKeyOf, legendEntries, styleOfClass } from '../../shared/symbology';
import type { Props as RowProps } from '../../shared/model/rows';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';
import type { Hit } from '../map/MapController';
import { Swatch } from './Swatch';

const LEGEND = new Map(legendEntries().map((e) => [e.classKey, e]));

export function FeaturePanel({
  hits,
  pinned,
  onClear,
  onPick,
}: {
  hits: Hit[];
  pinned: boolean;
  onClear: () => void;
  onPick: (h: Hit) => void;
}) {
  const { t, pick, date, num, lang } = useI18n();
  const hit = hits[0];
  if (!hit) {
    return (
      <aside className="feature-panel feature-panel-empty" data-testid="feature-panel" data-table="">
        <div className="panel-title">{t('feature.title')}</div>
        <p className="muted small pad">{t('feature.hint')}</p>
      </aside>
    );
  }
  const def = TABLES[hit.table];
  const classField = CLASS_FIELD[hit.table].field;
  const key = classKeyOf(hit.table, hit.props as RowProps);
  const entry = LEGEND.get(key);
  const style = styleOfClass(key);

  const show = (f: FieldDef, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('feature.empty');
    if (f.type === 'boolean') return v ? t('feature.yes') : t('feature.no');
    if (f.type === 'enum') {
      const l = ENUM_LABELS[`${f.name}:${String(v)}`];
      if (l) return pick(l);
      if (f.name === classField && LEGEND.has(`${hit.table}:${String(v)}`)) return pick(LEGEND.get(`${hit.table}:${String(v)}`)!);
      return String(v);
    }
    if (f.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && lang === 'vi') {
      const [y, m, d] = v.split('-');
      return `${d}/${m}/${y}`;
    }
    if ((f.type === 'integer' || f.type === 'real') && typeof v === 'number') return num(v, f.type === 'real' ? 2 : 0);
    return String(v);
  };

  return (
    <aside
      className="feature-panel"
      data-testid="feature-panel"
      data-table={hit.table}
      data-id={hit.id}
      data-pinned={pinned ? 'true' : 'false'}
    >
      <div className="panel-title">
        <span>{t('feature.title')}</span>
        <span className="panel-sub">{pinned ? t('feature.pinned') : t('feature.hover')}</span>
        {pinned && (
          <button className="icon-btn" onClick={onClear} title={t('feature.close')} aria-label={t('feature.close')}>
            ×
          </button>
        )}
      </div>
      <div className="feature-head">
        {style && (
          <Swatch
            style={style}
            kind={style.geometry === 'mixed' ? (hit.geometryType === 'Point' ? 'point' : 'area') : style.geometry}
            size={18}
          />
        )}
        <div>
          <div className="feature-name" data-testid="feature-name">
            {String(hit.props.name ?? hit.props.code ?? '') || pick(def)}
          </div>
          <div className="muted small">
            {pick(def)}
            {entry ? ` · ${pick(entry)}` : ''}
          </div>
        </div>
      </div>
      <table className="attr-table" data-testid="feature-attributes">
        <tbody>
          {(def.fields as readonly FieldDef[]).map((f) => (
            <tr key={f.name} data-field={f.name}>
              <th title={f.name}>{pick(f)}</th>
              <td>{show(f, hit.props[f.name])}</td>
            </tr>
          ))}
          {hit.meta && (
            <>
              <tr className="meta">
                <th>{t('feature.version')}</th>
                <td>{hit.meta.version}</td>
              </tr>
              <tr className="meta">
                <th>{t('feature.updated')}</th>
                <td>
                  {date(hit.meta.updatedAt)} {t('feature.by')} {hit.meta.updatedBy}
                </td>
              </tr>
            </>
          )}
        </tbody>
      </table>
      {hits.length > 1 && (
        <div className="feature-more">
          <div className="muted small">{t('feature.more', { n: hits.length - 1 })}</div>
          <ul>
            {hits.slice(1, 8).map((h) => (
              <li key={h.id}>
                <button className="link-btn" onClick={() => onPick(h)}>
                  {String(h.props.name ?? h.props.code ?? '') || '—'} <span className="muted">· {pick(TABLES[h.table])}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}

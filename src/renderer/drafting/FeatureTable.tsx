// The attribute table of one layer: sort, filter, search (without diacritics), select on the map
// from the table and back, zoom to, and bulk-edit one field of the checked rows as ONE edit.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { foldKey } from '../../shared/text/fold';
import type { PropValue, Row } from '../../shared/model/rows';
import { validateProps } from '../../shared/model/validate-props';
import { FEATURE_TABLES, TABLES, type FieldDef } from '../../shared/model/tables';
import { CLASS_FIELD, type FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import { enumLabel, useD } from './dict';

const LIMIT = 5000;

export function FeatureTable({
  table,
  onTable,
  selectedId,
  onSelect,
  onZoom,
  communeCode,
  reloadTick,
  onClose,
}: {
  table: FeatureTableName;
  onTable: (t: FeatureTableName) => void;
  selectedId: string | null;
  onSelect: (table: FeatureTableName, id: string) => void;
  onZoom: (row: Row) => void;
  communeCode: string | null;
  reloadTick: number;
  onClose: () => void;
}) {
  const api = useApi();
  const { pick, lang } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const [rows, setRows] = useState<Row[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [search, setSearch] = useState('');
  const [classFilter, setClassFilter] = useState('');
  const [onlyCommune, setOnlyCommune] = useState(false);
  const [sort, setSort] = useState<{ field: string; dir: 1 | -1 } | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulkField, setBulkField] = useState('');
  const [bulkValue, setBulkValue] = useState('');
  const fields = TABLES[table].fields as readonly FieldDef[];
  const classField = CLASS_FIELD[table].field;

  const load = useCallback(() => {
    api
      .invoke('features.query', { table, limit: LIMIT })
      .then((r) => {
        setRows(r.rows.filter((x) => !x.meta.deleted));
        setTruncated(r.truncated);
      })
      .catch(showError);
  }, [api, table, showError]);
  useEffect(() => {
    setChecked(new Set());
    setClassFilter('');
    setSort(null);
    setBulkField('');
  }, [table]);
  useEffect(load, [load, reloadTick]);

  const shown = useMemo(() => {
    const q = foldKey(search.trim());
    let out = rows.filter(
      (r) =>
        (!classFilter || r.props[classField] === classFilter) &&
        (!onlyCommune || !communeCode || r.props.commune_code === communeCode) &&
        (!q || foldKey(Object.values(r.props).filter((v) => v !== null).join(' ')).includes(q)),
    );
    if (sort) {
      const cmp = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true }).compare;
      out = [...out].sort((a, b) => {
        const x = a.props[sort.field] ?? null;
        const y = b.props[sort.field] ?? null;
        if (x === y) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        return sort.dir * (typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y)));
      });
    }
    return out;
  }, [rows, search, classFilter, onlyCommune, communeCode, sort, classField, lang]);

  const show = (f: FieldDef, v: PropValue | undefined) => {
    if (v === null || v === undefined || v === '') return '';
    if (f.type === 'enum') {
      const l = enumLabel(table, f.name, String(v));
      return l ? pick(l) : String(v);
    }
    if (f.type === 'boolean') return v ? '✓' : '✗';
    return String(v);
  };

  const bulkDef = fields.find((f) => f.name === bulkField);
  const applyBulk = async () => {
    if (!bulkDef || checked.size === 0) return;
    let value: PropValue = bulkValue === '' ? null : bulkValue;
    if (value !== null && (bulkDef.type === 'integer' || bulkDef.type === 'real')) value = Number(bulkValue);
    if (bulkDef.type === 'boolean') value = bulkValue === 'true';
    const targets = rows.filter((r) => checked.has(r.id));
    // Check every row as it would be after the change: nothing is sent if one would be refused.
    for (const r of targets) {
      const issues = validateProps(table, { ...r.props, [bulkDef.name]: value });
      if (issues.length) {
        toast(d('form.blocked', { msg: lang === 'en' ? issues[0]!.en : issues[0]!.vi }), 'error');
        return;
      }
    }
    try {
      await api.invoke('edits.apply', {
        label: `Sửa hàng loạt ${bulkDef.vi} (${targets.length})`,
        put: targets.map((r) => ({ table, id: r.id, baseVersion: r.meta.version, props: { [bulkDef.name]: value } })),
      });
      toast(d('table.bulkDone', { n: targets.length }), 'success');
      load();
    } catch (e) {
      showError(e);
    }
  };

  const allChecked = shown.length > 0 && shown.every((r) => checked.has(r.id));
  return (
    <section className="dock feature-table" data-testid="feature-table" data-table={table}>
      <div className="dock-head">
        <b>{d('table.title')}</b>
        <select value={table} onChange={(e) => onTable(e.target.value as FeatureTableName)} data-testid="table-layer" aria-label={d('table.layer')}>
          {FEATURE_TABLES.map((t) => (
            <option key={t} value={t}>
              {pick(TABLES[t])}
            </option>
          ))}
        </select>
        <input type="search" placeholder={d('table.search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="table-search" />
        <select value={classFilter} onChange={(e) => setClassFilter(e.target.value)} data-testid="table-filter">
          <option value="">{pick(fields.find((f) => f.name === classField) ?? { vi: 'Tất cả', en: 'All' })}: *</option>
          {CLASS_FIELD[table].values.map((v) => (
            <option key={v} value={v}>
              {pick(enumLabel(table, classField, v) ?? { vi: v, en: v })}
            </option>
          ))}
        </select>
        {communeCode && (
          <label className="small">
            <input type="checkbox" checked={onlyCommune} onChange={(e) => setOnlyCommune(e.target.checked)} /> {communeCode}
          </label>
        )}
        <span className="muted small" data-testid="table-count">
          {d('table.rows', { n: shown.length, total: rows.length })}
          {truncated ? ` (≤ ${LIMIT})` : ''}
        </span>
        <span className="top-spacer" />
        {checked.size > 0 && (
          <span className="bulk" data-testid="bulk-edit">
            {d('table.bulk', { n: checked.size })}
            <select value={bulkField} onChange={(e) => setBulkField(e.target.value)} data-testid="bulk-field">
              <option value="" />
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {pick(f)}
                </option>
              ))}
            </select>
            {bulkDef?.type === 'enum' ? (
              <select value={bulkValue} onChange={(e) => setBulkValue(e.target.value)} data-testid="bulk-value">
                <option value="" />
                {bulkDef.values!.map((v) => (
                  <option key={v} value={v}>
                    {pick(enumLabel(table, bulkDef.name, v) ?? { vi: v, en: v })}
                  </option>
                ))}
              </select>
            ) : (
              <input value={bulkValue} onChange={(e) => setBulkValue(e.target.value)} data-testid="bulk-value" />
            )}
            <button className="btn btn-small" onClick={() => void applyBulk()} disabled={!bulkDef} data-testid="bulk-apply">
              {d('table.apply')}
            </button>
          </span>
        )}
        <button className="icon-btn" onClick={onClose} title={d('table.close')} aria-label={d('table.close')}>
          ×
        </button>
      </div>
      <div className="dock-body">
        <table className="grid">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  checked={allChecked}
                  onChange={(e) => setChecked(e.target.checked ? new Set(shown.map((r) => r.id)) : new Set())}
                  aria-label="*"
                />
              </th>
              <th />
              {fields.map((f) => (
                <th key={f.name} onClick={() => setSort((s) => (s?.field === f.name ? { field: f.name, dir: s.dir === 1 ? -1 : 1 } : { field: f.name, dir: 1 }))} className="sortable">
                  {pick(f)}
                  {sort?.field === f.name ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </th>
              ))}
              <th>v</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 1000).map((r) => (
              <tr key={r.id} className={r.id === selectedId ? 'row-selected' : ''} data-testid="table-row" data-id={r.id} onClick={() => onSelect(table, r.id)}>
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    checked={checked.has(r.id)}
                    onChange={(e) =>
                      setChecked((s) => {
                        const n = new Set(s);
                        if (e.target.checked) n.add(r.id);
                        else n.delete(r.id);
                        return n;
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    className="icon-btn"
                    title={d('table.zoom')}
                    aria-label={d('table.zoom')}
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(table, r.id);
                      onZoom(r);
                    }}
                  >
                    ⊕
                  </button>
                </td>
                {fields.map((f) => (
                  <td key={f.name}>{show(f, r.props[f.name])}</td>
                ))}
                <td className="num">{r.meta.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// A form for one row of any table, generated from src/shared/model/tables.ts. Required fields
// block saving with a message naming the field (validateProps, the same rules the store applies);
// soft rules only warn.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Props as RowProps, PropValue } from '../../shared/model/rows';
import { validateProps } from '../../shared/model/validate-props';
import { TABLES, type FieldDef, type TableName } from '../../shared/model/tables';
import { toUiError } from '../errors';
import { useI18n } from '../i18n';
import { enumLabel, useD } from './dict';

export function softWarnings(table: TableName, p: RowProps, d: ReturnType<typeof useD>): string[] {
  const out: string[] = [];
  if (table === 'search_areas' && p.status === 'not_started' && (p.estimated_remains === null || p.estimated_remains === undefined || p.estimated_remains === ''))
    out.push(d('form.warnRemains'));
  if (table === 'graves' && p.verification === 'not_verified') out.push(d('form.warnVerify'));
  return out;
}

/** Only the fields the user changed, for a patch that does not clobber others' edits. */
export function diffProps(before: RowProps, after: RowProps): RowProps {
  const out: RowProps = {};
  for (const [k, v] of Object.entries(after)) if ((before[k] ?? null) !== (v ?? null)) out[k] = v;
  return out;
}

export function AttributeForm({
  table,
  initial,
  readOnly,
  onSubmit,
  onCancel,
  testId = 'attr-form',
}: {
  table: TableName;
  initial: RowProps;
  readOnly?: boolean;
  onSubmit: (props: RowProps) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { pick, lang } = useI18n();
  const d = useD();
  const def = TABLES[table];
  const fields = def.fields as readonly FieldDef[];
  const clean = useMemo(() => {
    const o: RowProps = {};
    for (const f of fields) o[f.name] = (initial[f.name] as PropValue | undefined) ?? null;
    return o;
  }, [fields, initial]);
  const [values, setValues] = useState<RowProps>(clean);
  const [error, setError] = useState<string | null>(null);
  const [badField, setBadField] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setValues(clean);
    setError(null);
    setBadField(null);
  }, [clean]);

  const set = (name: string, v: PropValue) => setValues((x) => ({ ...x, [name]: v }));
  const warnings = softWarnings(table, values, d);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || readOnly) return;
    const issues = validateProps(table, values);
    if (issues.length) {
      const msg = issues.map((i) => (lang === 'en' ? i.en : i.vi)).join('; ');
      setError(d('form.blocked', { msg }));
      setBadField(issues[0]!.field);
      formRef.current?.querySelector<HTMLElement>(`[name="${issues[0]!.field}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setBadField(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setError(toUiError(err, lang).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="attr-form"
      data-testid={testId}
      data-table={table}
      ref={formRef}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        } else if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="attr-form-fields" data-testid="feature-attributes">
        {fields.map((f) => {
          const v = values[f.name];
          const id = `${testId}-${f.name}`;
          let input;
          if (f.type === 'enum') {
            input = (
              <select id={id} name={f.name} data-testid={`field-${f.name}`} disabled={readOnly} value={v === null || v === undefined ? '' : String(v)} onChange={(e) => set(f.name, e.target.value || null)}>
                <option value="">{d('form.empty')}</option>
                {f.values!.map((c) => {
                  const l = enumLabel(table, f.name, c);
                  return (
                    <option key={c} value={c}>
                      {l ? pick(l) : c}
                    </option>
                  );
                })}
              </select>
            );
          } else if (f.type === 'boolean') {
            input = <input id={id} name={f.name} data-testid={`field-${f.name}`} type="checkbox" disabled={readOnly} checked={v === true} onChange={(e) => set(f.name, e.target.checked)} />;
          } else if (f.type === 'integer' || f.type === 'real') {
            input = (
              <input
                id={id}
                name={f.name}
                data-testid={`field-${f.name}`}
                type="number"
                step={f.type === 'integer' ? 1 : 'any'}
                min={f.min}
                max={f.max}
                disabled={readOnly}
                value={v === null || v === undefined ? '' : String(v)}
                onChange={(e) => set(f.name, e.target.value === '' ? null : Number(e.target.value))}
              />
            );
          } else if (f.type === 'date') {
            input = <input id={id} name={f.name} data-testid={`field-${f.name}`} type="date" disabled={readOnly} value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value || null)} />;
          } else {
            const long = f.name === 'description' || f.name === 'content' || f.name === 'text' || f.name === 'notes' || f.name === 'participants';
            input = long ? (
              <textarea id={id} name={f.name} data-testid={`field-${f.name}`} rows={2} disabled={readOnly} value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value || null)} />
            ) : (
              <input id={id} name={f.name} data-testid={`field-${f.name}`} type="text" disabled={readOnly} value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.name, e.target.value || null)} />
            );
          }
          return (
            <div key={f.name} className={`attr-field${badField === f.name ? ' attr-field-bad' : ''}`} data-field={f.name}>
              <label htmlFor={id} title={f.name}>
                {pick(f)}
                {f.required && <span className="req" title={d('form.required')}> *</span>}
              </label>
              {input}
            </div>
          );
        })}
      </div>
      {warnings.length > 0 && (
        <ul className="form-warnings" data-testid="form-warnings">
          {warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {error && (
        <div className="form-error" role="alert" data-testid="form-error" data-message="error">
          {error}
        </div>
      )}
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-small" data-testid="form-save" disabled={busy}>
            {d('form.save')}
          </button>
          {onCancel && (
            <button type="button" className="btn btn-small" data-testid="form-cancel" onClick={onCancel}>
              {d('form.cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

// Who is editing: asked once, remembered in localStorage, sent with session.setOperator.
import { useState, type FormEvent } from 'react';
import type { Operator } from '../../shared/api';
import { useI18n } from '../i18n';
import { Modal, useApi, useErrorToast } from './common';

const KEY = 'quytap.operator';
const ROLES: Operator['role'][] = ['commune_staff', 'reviewer', 'admin'];

export function storedOperator(): Operator | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const o = JSON.parse(raw) as Partial<Operator>;
    if (typeof o.name !== 'string' || !o.name.trim()) return null;
    return {
      name: o.name.trim(),
      role: ROLES.includes(o.role as Operator['role']) ? (o.role as Operator['role']) : 'commune_staff',
      communeCode: o.communeCode ?? null,
    };
  } catch {
    return null;
  }
}

// Whoever keeps the operator (App) hears every change, wherever it is made: the review panel's
// "Xã của tôi" too, so the next opening of this dialog and the drawing focus see the same commune.
const listeners = new Set<(o: Operator) => void>();
export function onOperatorStored(fn: (o: Operator) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function storeOperator(o: Operator) {
  try {
    localStorage.setItem(KEY, JSON.stringify(o));
  } catch {
    /* not kept */
  }
  for (const fn of listeners) fn(o);
}

export function OperatorDialog({
  initial,
  communes,
  onDone,
}: {
  initial: Operator | null;
  /** The project's communes: commune staff say which one is theirs (the main side enforces it). */
  communes: { code: string; name: string }[];
  onDone: (o: Operator) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const showError = useErrorToast();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<Operator['role']>(initial?.role ?? 'commune_staff');
  const [communeCode, setCommuneCode] = useState<string>(initial?.communeCode ?? '');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      const o = await api.invoke('session.setOperator', {
        name: name.trim(),
        role,
        communeCode: role === 'commune_staff' && communeCode ? communeCode : null,
      });
      storeOperator(o);
      onDone(o);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('operator.title')} testId="operator-dialog">
      <form onSubmit={submit} className="form-grid">
        <p className="muted span-2">{t('operator.intro')}</p>
        <label htmlFor="op-name">{t('operator.name')}</label>
        <input
          id="op-name"
          data-testid="operator-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          required
          autoFocus
        />
        <label htmlFor="op-role">{t('operator.role')}</label>
        <select id="op-role" value={role} onChange={(e) => setRole(e.target.value as Operator['role'])}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`operator.role.${r}`)}
            </option>
          ))}
        </select>
        {role === 'commune_staff' && communes.length > 0 && (
          <>
            <label htmlFor="op-commune">{t('operator.commune')}</label>
            <select id="op-commune" data-testid="operator-commune" value={communeCode} onChange={(e) => setCommuneCode(e.target.value)}>
              <option value="">{t('operator.commune.any')}</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
        <div className="modal-actions span-2">
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="operator-save">
            {t('operator.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

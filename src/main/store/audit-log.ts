// qt_audit_log: append-only (triggers refuse UPDATE and DELETE), written in the same transaction as
// the change it records.
import type Database from 'better-sqlite3';
import type { AuditEntry, TableName } from '../../shared/model';
import { leavesStateToRow, resolveCompact } from './audit-compact';
import { decodeRaw } from './row-codec';
import type { StatementCache } from './statements';

/** The pseudo-row the project settings are audited under (qt_settings has a single row). */
export const SETTINGS_AUDIT_TABLE = 'qt_settings';
export const SETTINGS_AUDIT_ID = '00000000-0000-0000-0000-000000000000';

export function prepareAuditInsert(db: Database.Database): Database.Statement {
  return db.prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
}

interface AuditRecord {
  seq: number;
  at: string;
  author: string;
  table_name: string;
  uuid: string;
  action: AuditEntry['action'];
  edit_id: number | null;
  label: string;
  before: string | null;
  after: string | null;
}

function toEntry(r: AuditRecord): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    author: r.author,
    table: r.table_name as TableName,
    id: r.uuid,
    action: r.action,
    editId: r.edit_id,
    label: r.label,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  };
}

/** Oldest first, with the state of compact insert entries filled in (audit-compact.ts). Settings entries live under SETTINGS_AUDIT_TABLE, so they never show up here. */
export function historyOf(stmts: StatementCache, table: TableName, id: string): AuditEntry[] {
  const rows = stmts
    .get('SELECT seq, at, author, table_name, uuid, action, edit_id, label, before, after FROM qt_audit_log WHERE table_name = ? AND uuid = ? ORDER BY seq')
    .all(table, id) as AuditRecord[];
  const entries = rows.map(toEntry);
  if (entries.some((e) => leavesStateToRow(e.after))) {
    const s = stmts.table(table);
    const r = s.byUuid.get(id) as unknown[] | undefined;
    const now = r ? decodeRaw(s.layout, r) : null;
    resolveCompact(entries as { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[], now);
  }
  return entries;
}

export interface SettingsAuditEntry extends Omit<AuditEntry, 'table'> {
  table: typeof SETTINGS_AUDIT_TABLE;
}

export function settingsHistoryOf(stmts: StatementCache): SettingsAuditEntry[] {
  const rows = stmts
    .get('SELECT seq, at, author, table_name, uuid, action, edit_id, label, before, after FROM qt_audit_log WHERE table_name = ? ORDER BY seq')
    .all(SETTINGS_AUDIT_TABLE) as AuditRecord[];
  return rows.map((r) => ({ ...toEntry(r), table: SETTINGS_AUDIT_TABLE }));
}

// What the province roll-up (src/main/rollup) reads from the project file besides its rows: the
// audit log's high-water mark, which rows changed after a given mark, and each row's place in its
// table (fid: "written later in the project", the statistics' tie-break, must survive the trip).
import type Database from 'better-sqlite3';
import { isTableName, type TableName } from '../../shared/model';
import { REVIEW_STATE_AUDIT } from './review-repo';

export interface ChangesSince {
  /** The audit log's last entry now (0 for an empty log). */
  seq: number;
  /** Rows of the project's tables with an audit entry after the mark, once each. */
  rows: { table: TableName; id: string }[];
  /** A commune's review state changed after the mark. */
  reviewStates: boolean;
}

export interface PublishSource {
  auditSeq(): number;
  /** The project's first audit entry (time and row): the same file, or copies of it, keep it; another project has another. */
  fingerprint(): string;
  changesSince(seq: number): ChangesSince;
  /** uuid → fid of the table's rows (all of them, or the ids named). */
  rowOrder(table: TableName, ids?: readonly string[]): Map<string, number>;
}

const q = (t: TableName) => `"${t}"`;

export function publishSource(db: Database.Database): PublishSource {
  const auditSeq = () => Number((db.prepare('SELECT coalesce(max(seq), 0) FROM qt_audit_log').pluck().get() as number) ?? 0);
  return {
    auditSeq,
    fingerprint() {
      const r = db.prepare('SELECT at, uuid FROM qt_audit_log ORDER BY seq LIMIT 1').get() as { at: string; uuid: string } | undefined;
      return r ? `${r.at}/${r.uuid}` : '';
    },
    changesSince(seq) {
      // One read transaction: the mark and the rows it covers come from the same state of the file.
      return db.transaction(() => {
        const now = auditSeq();
        const found = db.prepare('SELECT DISTINCT table_name, uuid FROM qt_audit_log WHERE seq > ? AND seq <= ?').all(seq, now) as { table_name: string; uuid: string }[];
        const rows = found.filter((r) => isTableName(r.table_name)).map((r) => ({ table: r.table_name as TableName, id: r.uuid }));
        return { seq: now, rows, reviewStates: found.some((r) => r.table_name === REVIEW_STATE_AUDIT) };
      })();
    },
    rowOrder(table, ids) {
      const out = new Map<string, number>();
      if (!ids) {
        for (const [uuid, fid] of db.prepare(`SELECT uuid, fid FROM ${q(table)}`).raw(true).all() as [string, number][]) out.set(uuid, fid);
        return out;
      }
      const st = db.prepare(`SELECT fid FROM ${q(table)} WHERE uuid = ?`).pluck();
      for (const id of ids) {
        const fid = st.get(id) as number | undefined;
        if (fid !== undefined) out.set(id, fid);
      }
      return out;
    },
  };
}

// SQL of the review feature: commune map states, comments, review settings. Every write runs in one
// IMMEDIATE transaction together with its qt_audit_log entry (who, when, before, after).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ReviewComment, NewComment } from '../../shared/review/comment';
import type { ReviewState } from '../../shared/review/state';
import type { TableName } from '../../shared/model';
import { notFoundComment } from './review-errors';
import { hasReviewTables, migrateToV2 } from './schema-v2-review';

/** Pseudo-tables under which the review acts appear in qt_audit_log. */
export const REVIEW_STATE_AUDIT = 'qt_review_states';
export const REVIEW_COMMENT_AUDIT = 'qt_review_comments';
export const REVIEW_CONFIG_AUDIT = 'qt_review_config';

export interface StateRow {
  communeCode: string;
  state: ReviewState;
  updatedAt: string | null;
  updatedBy: string | null;
  note: string;
}

export interface ReviewActRecord {
  at: string;
  author: string;
  communeCode: string;
  label: string;
  from: ReviewState | null;
  to: ReviewState | null;
  note: string;
}

interface CommentRecord {
  id: string;
  commune_code: string;
  parent_id: string | null;
  table_name: string | null;
  feature_id: string | null;
  x: number | null;
  y: number | null;
  text: string;
  author: string;
  role: string;
  created_at: string;
  resolved: number;
  resolved_by: string | null;
  resolved_at: string | null;
}

const toComment = (r: CommentRecord): ReviewComment => ({
  id: r.id,
  communeCode: r.commune_code,
  parentId: r.parent_id,
  table: r.table_name as TableName | null,
  featureId: r.feature_id,
  x: r.x,
  y: r.y,
  text: r.text,
  author: r.author,
  role: r.role,
  createdAt: r.created_at,
  resolved: r.resolved === 1,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
});

/** One audited write to a row (review.changesSince). */
export interface RowChange {
  seq: number;
  at: string;
  author: string;
  table: TableName;
  id: string;
  action: string;
  label: string;
}

export class ReviewRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
  ) {
    guard(() => {
      if (!hasReviewTables(db)) db.transaction(() => migrateToV2(db)).immediate();
    });
  }

  private audit(at: string, author: string, table: string, uuid: string, action: 'insert' | 'update', label: string, before: unknown, after: unknown): void {
    this.db
      .prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)')
      .run(at, author, table, uuid, action, label, before === null ? null : JSON.stringify(before), JSON.stringify(after));
  }

  states(): StateRow[] {
    return this.guard(() =>
      (this.db.prepare('SELECT commune_code, state, updated_at, updated_by, note FROM qt_review_states ORDER BY commune_code').all() as {
        commune_code: string;
        state: ReviewState;
        updated_at: string;
        updated_by: string;
        note: string;
      }[]).map((r) => ({ communeCode: r.commune_code, state: r.state, updatedAt: r.updated_at, updatedBy: r.updated_by, note: r.note })),
    );
  }

  stateOf(code: string): StateRow {
    return this.guard(() => this.states().find((s) => s.communeCode === code) ?? { communeCode: code, state: 'draft', updatedAt: null, updatedBy: null, note: '' });
  }

  /**
   * Moves a commune map to `to` if it is still in `expected` (checked inside the transaction, so
   * two reviewers acting at once cannot both succeed).
   */
  transition(code: string, expected: readonly ReviewState[], to: ReviewState, author: string, label: string, note: string): StateRow | { refused: ReviewState } {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const before = this.stateOf(code);
          if (!expected.includes(before.state)) return { refused: before.state };
          const at = new Date().toISOString();
          this.db
            .prepare(
              `INSERT INTO qt_review_states (commune_code, state, updated_at, updated_by, note) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(commune_code) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, updated_by = excluded.updated_by, note = excluded.note`,
            )
            .run(code, to, at, author, note);
          this.audit(at, author, REVIEW_STATE_AUDIT, code, before.updatedAt ? 'update' : 'insert', label, { state: before.state }, { state: to, note });
          return { communeCode: code, state: to, updatedAt: at, updatedBy: author, note };
        })
        .immediate(),
    );
  }

  /** Who moved the commune's map when, oldest first. */
  acts(code: string | null): ReviewActRecord[] {
    return this.guard(() => {
      const rows = this.db
        .prepare(`SELECT at, author, uuid, label, before, after FROM qt_audit_log WHERE table_name = ? ${code === null ? '' : 'AND uuid = ?'} ORDER BY seq`)
        .all(...(code === null ? [REVIEW_STATE_AUDIT] : [REVIEW_STATE_AUDIT, code])) as { at: string; author: string; uuid: string; label: string; before: string | null; after: string }[];
      return rows.map((r) => {
        const before = r.before ? (JSON.parse(r.before) as { state?: ReviewState }) : null;
        const after = JSON.parse(r.after) as { state?: ReviewState; note?: string };
        return { at: r.at, author: r.author, communeCode: r.uuid, label: r.label, from: before?.state ?? null, to: after.state ?? null, note: after.note ?? '' };
      });
    });
  }

  comments(filter: { communeCode?: string | null; openOnly?: boolean }): ReviewComment[] {
    return this.guard(() => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.communeCode) {
        where.push('commune_code = ?');
        params.push(filter.communeCode);
      }
      if (filter.openOnly) where.push('resolved = 0');
      const sql = `SELECT * FROM qt_review_comments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
      return (this.db.prepare(sql).all(...params) as CommentRecord[]).map(toComment);
    });
  }

  getComment(id: string): ReviewComment | null {
    return this.guard(() => {
      const r = this.db.prepare('SELECT * FROM qt_review_comments WHERE id = ?').get(id) as CommentRecord | undefined;
      return r ? toComment(r) : null;
    });
  }

  addComment(c: NewComment, author: string, role: string): ReviewComment {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const id = randomUUID();
          const at = new Date().toISOString();
          this.db
            .prepare(
              'INSERT INTO qt_review_comments (id, commune_code, parent_id, table_name, feature_id, x, y, text, author, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            )
            .run(id, c.communeCode, c.parentId, c.table, c.featureId, c.x, c.y, c.text, author, role, at);
          const saved = this.getComment(id)!;
          this.audit(at, author, REVIEW_COMMENT_AUDIT, id, 'insert', c.parentId ? 'Trả lời góp ý' : 'Góp ý', null, saved);
          return saved;
        })
        .immediate(),
    );
  }

  setResolved(id: string, resolved: boolean, author: string): ReviewComment {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const before = this.getComment(id);
          if (!before) throw notFoundComment(id);
          if (before.resolved === resolved) return before;
          const at = new Date().toISOString();
          this.db
            .prepare('UPDATE qt_review_comments SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?')
            .run(resolved ? 1 : 0, resolved ? author : null, resolved ? at : null, id);
          const after = this.getComment(id)!;
          this.audit(at, author, REVIEW_COMMENT_AUDIT, id, 'update', resolved ? 'Đánh dấu đã xử lý góp ý' : 'Mở lại góp ý', before, after);
          return after;
        })
        .immediate(),
    );
  }

  config(key: string): string | null {
    return this.guard(() => (this.db.prepare('SELECT value FROM qt_review_config WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null);
  }

  setConfig(key: string, value: string, author: string): void {
    this.guard(() =>
      this.db
        .transaction(() => {
          const before = this.config(key);
          if (before === value) return;
          const at = new Date().toISOString();
          this.db.prepare('INSERT INTO qt_review_config (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
          this.audit(at, author, REVIEW_CONFIG_AUDIT, key, before === null ? 'insert' : 'update', 'Sửa thiết lập kiểm tra', before === null ? null : { value: before }, { value });
        })
        .immediate(),
    );
  }

  /** The commune map's latest submission: its audit entry, whose seq orders every change after it. */
  lastSubmission(code: string): { seq: number; at: string; author: string } | null {
    return this.guard(
      () =>
        (this.db
          .prepare(`SELECT seq, at, author FROM qt_audit_log WHERE table_name = ? AND uuid = ? AND json_extract(after, '$.state') = 'submitted' ORDER BY seq DESC LIMIT 1`)
          .get(REVIEW_STATE_AUDIT, code) as { seq: number; at: string; author: string } | undefined) ?? null,
    );
  }

  /**
   * The writes to rows of this commune after audit entry `seq`, oldest first: entries of edits
   * (edit_id set) whose row was in the commune before or after (a large edit's compact insert entry
   * names it as `commune_code`: audit-compact.ts). Links and attachments carry no commune of their
   * own and are not listed.
   */
  changesAfter(code: string, seq: number): RowChange[] {
    return this.guard(() =>
      (this.db
        .prepare(
          `SELECT seq, at, author, table_name, uuid, action, label FROM qt_audit_log
           WHERE seq > ? AND edit_id IS NOT NULL
             AND (json_extract(after, '$.props.commune_code') = ? OR json_extract(before, '$.props.commune_code') = ?
                  OR json_extract(after, '$.commune_code') = ?)
           ORDER BY seq`,
        )
        .all(seq, code, code, code) as { seq: number; at: string; author: string; table_name: TableName; uuid: string; action: string; label: string }[]).map((r) => ({
        seq: r.seq,
        at: r.at,
        author: r.author,
        table: r.table_name,
        id: r.uuid,
        action: r.action,
        label: r.label,
      })),
    );
  }
}

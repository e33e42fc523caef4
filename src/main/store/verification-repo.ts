// SQL of the verification queue (issue 18 item 5). Every write runs in one IMMEDIATE transaction
// together with its qt_audit_log entry (who, when, before, after), under the pseudo-table
// qt_verification_requests and the request's id; a row's verification history is read back from
// those entries through the requests that name the row. The entries stay out of the row's own
// history (history.of): undo, restore and the package merge read that one as the row's versions.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { VerificationEvent, VerificationRequest } from '../../shared/contract/verification';
import type { VerifiableTable, VerificationRequestState } from '../../shared/verification/state';
import { VERIFICATION_TABLE } from './schema-v7-verification';

export interface NewVerification {
  table: VerifiableTable;
  targetId: string;
  targetLabel: string;
  communeCode: string | null;
  question: string;
}

export interface VerificationFilter {
  communeCode?: string | null;
  states?: readonly VerificationRequestState[];
  table?: VerifiableTable;
  targetId?: string;
  id?: string;
}

export interface VerificationStep {
  to: VerificationRequestState;
  /** Taking a request up records who took it; the other acts record who decided. */
  kind: 'take' | 'decide';
  grounds: string;
  result: string;
  note: string;
  label: string;
}

interface Record_ {
  id: string;
  target_table: VerifiableTable;
  target_id: string;
  target_label: string;
  commune_code: string | null;
  question: string;
  state: VerificationRequestState;
  sent_by: string;
  sent_at: string;
  taken_by: string | null;
  taken_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  grounds: string;
  result: string;
  note: string;
}

type Plain = Omit<VerificationRequest, 'events'>;

const toPlain = (r: Record_): Plain => ({
  id: r.id,
  table: r.target_table,
  targetId: r.target_id,
  targetLabel: r.target_label,
  communeCode: r.commune_code,
  question: r.question,
  state: r.state,
  sentBy: r.sent_by,
  sentAt: r.sent_at,
  takenBy: r.taken_by,
  takenAt: r.taken_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  grounds: r.grounds,
  result: r.result,
  note: r.note,
});

/** What an audit entry keeps of a request: enough to tell the step without the request row. */
const snapshot = (p: Plain) => ({
  state: p.state,
  targetTable: p.table,
  targetId: p.targetId,
  communeCode: p.communeCode,
  question: p.question,
  grounds: p.grounds,
  result: p.result,
  note: p.note,
});

function where(f: VerificationFilter): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    w.push(clause);
    params.push(...values);
  };
  if (f.communeCode) add('r.commune_code = ?', f.communeCode);
  if (f.states?.length) add(`r.state IN (${f.states.map(() => '?').join(', ')})`, ...f.states);
  if (f.table) add('r.target_table = ?', f.table);
  if (f.targetId) add('r.target_id = ?', f.targetId);
  if (f.id) add('r.id = ?', f.id);
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params };
}

export class VerificationRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
  ) {}

  private audit(at: string, author: string, id: string, action: 'insert' | 'update', label: string, before: Plain | null, after: Plain): void {
    this.db
      .prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)')
      .run(at, author, VERIFICATION_TABLE, id, action, label, before && JSON.stringify(snapshot(before)), JSON.stringify(snapshot(after)));
  }

  private plain(id: string): Plain | null {
    const r = this.db.prepare(`SELECT * FROM ${VERIFICATION_TABLE} WHERE id = ?`).get(id) as Record_ | undefined;
    return r ? toPlain(r) : null;
  }

  /** Requests matching the filter, oldest first, each with its steps from the audit log. */
  list(f: VerificationFilter = {}): VerificationRequest[] {
    return this.guard(() => {
      const { sql, params } = where(f);
      const rows = (this.db.prepare(`SELECT r.* FROM ${VERIFICATION_TABLE} r ${sql} ORDER BY r.sent_at, r.id`).all(...params) as Record_[]).map(toPlain);
      const events = new Map<string, VerificationEvent[]>(rows.map((r) => [r.id, []]));
      const audit = this.db
        .prepare(
          `SELECT a.seq, a.at, a.author, a.uuid, a.label, a.after FROM qt_audit_log a JOIN ${VERIFICATION_TABLE} r ON a.table_name = '${VERIFICATION_TABLE}' AND a.uuid = r.id
           ${sql} ORDER BY a.seq`,
        )
        .all(...params) as { seq: number; at: string; author: string; uuid: string; label: string; after: string }[];
      for (const a of audit) {
        const s = JSON.parse(a.after) as ReturnType<typeof snapshot>;
        events.get(a.uuid)?.push({ seq: a.seq, at: a.at, author: a.author, label: a.label, state: s.state, note: s.note, grounds: s.grounds, result: s.result });
      }
      return rows.map((r) => ({ ...r, events: events.get(r.id)! }));
    });
  }

  get(id: string): VerificationRequest | null {
    return this.guard(() => this.list({ id })[0] ?? null);
  }

  /**
   * Records a new request unless the row already has one waiting for the team (checked inside the
   * transaction, so two windows sending the same row at once cannot both succeed).
   */
  send(n: NewVerification, author: string): VerificationRequest | { open: Plain } {
    return this.guard(() => {
      const out = this.db
        .transaction((): string | { open: Plain } => {
          const open = this.db
            .prepare(`SELECT * FROM ${VERIFICATION_TABLE} WHERE target_table = ? AND target_id = ? AND state IN ('sent', 'in_progress') LIMIT 1`)
            .get(n.table, n.targetId) as Record_ | undefined;
          if (open) return { open: toPlain(open) };
          const id = randomUUID();
          const at = new Date().toISOString();
          this.db
            .prepare(
              `INSERT INTO ${VERIFICATION_TABLE} (id, target_table, target_id, target_label, commune_code, question, state, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, 'sent', ?, ?)`,
            )
            .run(id, n.table, n.targetId, n.targetLabel, n.communeCode, n.question, author, at);
          this.audit(at, author, id, 'insert', 'Gửi thẩm tra, xác minh', null, this.plain(id)!);
          return id;
        })
        .immediate();
      return typeof out === 'string' ? this.get(out)! : out;
    });
  }

  /** Moves a request to `step.to` if it is still in one of `expected` (checked inside the transaction). */
  step(id: string, expected: readonly VerificationRequestState[], step: VerificationStep, author: string): VerificationRequest | { refused: VerificationRequestState } | null {
    return this.guard(() => {
      const out = this.db
        .transaction((): 'missing' | { refused: VerificationRequestState } | 'done' => {
          const before = this.plain(id);
          if (!before) return 'missing';
          if (!expected.includes(before.state)) return { refused: before.state };
          const at = new Date().toISOString();
          if (step.kind === 'take') this.db.prepare(`UPDATE ${VERIFICATION_TABLE} SET state = ?, taken_by = ?, taken_at = ? WHERE id = ?`).run(step.to, author, at, id);
          else
            this.db
              .prepare(`UPDATE ${VERIFICATION_TABLE} SET state = ?, decided_by = ?, decided_at = ?, grounds = ?, result = ?, note = ? WHERE id = ?`)
              .run(step.to, author, at, step.grounds, step.result, step.note, id);
          this.audit(at, author, id, 'update', step.label, before, this.plain(id)!);
          return 'done';
        })
        .immediate();
      if (out === 'missing') return null;
      return out === 'done' ? this.get(id)! : out;
    });
  }
}

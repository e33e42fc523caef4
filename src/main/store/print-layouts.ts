// Saved sheet layouts: every save and delete is one transaction with its audit entry (before and
// after), so a layout's history can be read like any row's. Deletion is a tombstone.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { migrateToV3 } from './schema-v3-print';

export const PRINT_LAYOUTS_AUDIT_TABLE = 'qt_print_layouts';

export interface PrintLayoutRow {
  id: string;
  name: string;
  settings: unknown;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

interface Raw {
  id: string;
  name: string;
  settings: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

const toRow = (r: Raw): PrintLayoutRow => ({
  id: r.id,
  name: r.name,
  settings: JSON.parse(r.settings) as unknown,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export class PrintLayouts {
  constructor(private readonly db: Database.Database) {}

  private ensure(): void {
    // A file opened read-write that predates v3 was migrated at open; this guards files whose v3
    // step ran while it was still a no-op.
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qt_print_layouts'").get()) this.db.transaction(() => migrateToV3(this.db))();
  }

  list(): PrintLayoutRow[] {
    this.ensure();
    return (this.db.prepare('SELECT id, name, settings, created_at, updated_at, updated_by FROM qt_print_layouts WHERE deleted = 0 ORDER BY name, id').all() as Raw[]).map(toRow);
  }

  get(id: string): PrintLayoutRow | null {
    this.ensure();
    const r = this.db.prepare('SELECT id, name, settings, created_at, updated_at, updated_by FROM qt_print_layouts WHERE id = ? AND deleted = 0').get(id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  private audit(id: string, action: 'insert' | 'update' | 'delete', author: string, label: string, before: PrintLayoutRow | null, after: PrintLayoutRow | null, at: string) {
    this.db
      .prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)')
      .run(at, author, PRINT_LAYOUTS_AUDIT_TABLE, id, action, label, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);
  }

  save(input: { id?: string; name: string; settings: unknown }, author: string): PrintLayoutRow {
    this.ensure();
    return this.db.transaction(() => {
      const at = new Date().toISOString();
      const before = input.id ? this.get(input.id) : null;
      if (input.id && !before) throw new ApiError('not_found', 'Không tìm thấy bố cục tờ in.', 'Sheet layout not found.', { id: input.id });
      const id = input.id ?? randomUUID();
      const json = JSON.stringify(input.settings);
      if (before) this.db.prepare('UPDATE qt_print_layouts SET name = ?, settings = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(input.name, json, at, author, id);
      else
        this.db
          .prepare('INSERT INTO qt_print_layouts (id, name, settings, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, input.name, json, at, at, author);
      const after = this.get(id)!;
      this.audit(id, before ? 'update' : 'insert', author, `Bố cục tờ in: ${input.name}`, before, after, at);
      return after;
    })();
  }

  /** Audit entries of one layout, oldest first. */
  history(id: string): { at: string; author: string; action: string; label: string }[] {
    return this.db
      .prepare('SELECT at, author, action, label FROM qt_audit_log WHERE table_name = ? AND uuid = ? ORDER BY seq')
      .all(PRINT_LAYOUTS_AUDIT_TABLE, id) as { at: string; author: string; action: string; label: string }[];
  }

  remove(id: string, author: string): void {
    this.ensure();
    this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw new ApiError('not_found', 'Không tìm thấy bố cục tờ in.', 'Sheet layout not found.', { id });
      const at = new Date().toISOString();
      this.db.prepare('UPDATE qt_print_layouts SET deleted = 1, updated_at = ?, updated_by = ? WHERE id = ?').run(at, author, id);
      this.audit(id, 'delete', author, `Xóa bố cục tờ in: ${before.name}`, before, null, at);
    })();
  }
}

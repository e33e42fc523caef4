// Project settings: one JSON document in qt_settings, validated by the shared schema on the way in
// and on the way out (so settings written by an older version gain the new defaults when read).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ProjectSettingsSchema, type ProjectSettings } from '../../shared/model';
import { SETTINGS_AUDIT_ID, SETTINGS_AUDIT_TABLE } from './audit-log';
import { validationError } from './errors';

export type ProjectSettingsInput = z.input<typeof ProjectSettingsSchema>;

export function parseSettings(input: unknown): ProjectSettings {
  const r = ProjectSettingsSchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
    throw validationError(`Thiết lập dự án không hợp lệ: ${issues.join('; ')}`, `Invalid project settings: ${issues.join('; ')}`, r.error.issues);
  }
  return r.data;
}

export function writeInitialSettings(db: Database.Database, settings: ProjectSettings, author: string, at: string): void {
  const json = JSON.stringify(settings);
  db.prepare('INSERT INTO qt_settings (id, json, updated_at, updated_by) VALUES (1, ?, ?, ?)').run(json, at, author);
  db.prepare("INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, 'insert', NULL, ?, NULL, ?)").run(
    at,
    author,
    SETTINGS_AUDIT_TABLE,
    SETTINGS_AUDIT_ID,
    'Tạo dự án',
    json,
  );
}

export function readSettings(db: Database.Database): ProjectSettings {
  const r = db.prepare('SELECT json FROM qt_settings WHERE id = 1').get() as { json: string } | undefined;
  return parseSettings(r ? JSON.parse(r.json) : {});
}

export function updateSettings(db: Database.Database, patch: Partial<ProjectSettingsInput>, author: string): ProjectSettings {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw validationError('Thiết lập phải là một đối tượng.', 'Settings must be an object.');
  return db
    .transaction(() => {
      const before = readSettings(db);
      const after = parseSettings({ ...before, ...patch });
      const beforeJson = JSON.stringify(before);
      const afterJson = JSON.stringify(after);
      if (beforeJson === afterJson) return after;
      const at = new Date().toISOString();
      db.prepare('UPDATE qt_settings SET json = ?, updated_at = ?, updated_by = ? WHERE id = 1').run(afterJson, at, author);
      db.prepare("INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, 'update', NULL, ?, ?, ?)").run(
        at,
        author,
        SETTINGS_AUDIT_TABLE,
        SETTINGS_AUDIT_ID,
        'Sửa thiết lập dự án',
        beforeJson,
        afterJson,
      );
      return after;
    })
    .immediate();
}

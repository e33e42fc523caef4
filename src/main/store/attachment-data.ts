// The bytes of an attachment live in attachments.data, beside the audited row. The row's sha256 (and
// size, when given) pin the content: bytes are accepted only if they match, so the audit log always
// says which file a row refers to, and a blob can never be silently swapped. Once stored, the bytes
// stay (undo and tombstones leave them alone); replacing a file means adding a new attachment.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { deletedRowError, notFoundRow, validationError } from './errors';

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function putAttachmentData(db: Database.Database, id: string, data: Uint8Array): void {
  if (!(data instanceof Uint8Array)) throw validationError('Nội dung tệp đính kèm không hợp lệ.', 'Attachment data must be bytes.');
  db.transaction(() => {
    const row = db.prepare('SELECT fid, sha256, size, deleted, version, data IS NOT NULL AS has FROM attachments WHERE uuid = ?').get(id) as
      | { fid: number; sha256: string | null; size: number | null; deleted: number; version: number; has: number }
      | undefined;
    if (!row) throw notFoundRow('attachments', id);
    if (row.deleted) throw deletedRowError('attachments', id, row.version);
    const hash = sha256Hex(data);
    if (!row.sha256)
      throw validationError(
        'Tệp đính kèm chưa có mã SHA-256: hãy lưu mã SHA-256 của tệp vào đối tượng trước khi tải nội dung lên.',
        'The attachment row has no sha256: save the file\'s SHA-256 on the row before uploading its bytes.',
        { id },
      );
    if (row.sha256.toLowerCase() !== hash || (row.size !== null && row.size !== data.byteLength))
      throw validationError(
        'Nội dung tải lên không khớp với tệp đính kèm đã khai báo (SHA-256 hoặc dung lượng khác).',
        'The uploaded bytes do not match the attachment row (different SHA-256 or size).',
        { id, expectedSha256: row.sha256, actualSha256: hash, expectedSize: row.size, actualSize: data.byteLength },
      );
    if (row.has) return; // same hash: already there
    db.prepare('UPDATE attachments SET data = ? WHERE fid = ?').run(Buffer.from(data.buffer, data.byteOffset, data.byteLength), row.fid);
  }).immediate();
}

export function getAttachmentData(db: Database.Database, id: string): Buffer | null {
  const r = db.prepare('SELECT data FROM attachments WHERE uuid = ?').get(id) as { data: Buffer | null } | undefined;
  return r?.data ?? null;
}

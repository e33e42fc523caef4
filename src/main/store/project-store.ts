// One open project file. All reads and writes of project data go through this class.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { TABLE_NAMES, type AuditEntry, type EditInput, type EditResult, type Extent, type ProjectSettings, type Row, type TableName, type UndoState } from '../../shared/model';
import { applyEdit, applyInsertStream, checkAuthor, checkId, checkTable, type EditDeps, type StreamedRow, type WriteHook } from './apply-edit';
import { getAttachmentData, putAttachmentData } from './attachment-data';
import { exchangeAccess, type ExchangeAccess } from './exchange-package';
import { historyOf, prepareAuditInsert, settingsHistoryOf, type SettingsAuditEntry } from './audit-log';
import { backupError, backupTo } from './backup';
import { openReadOnly, openWritable } from './connection';
import { EditJournal } from './edit-journal';
import { busyWithOwnWork, isSqliteError, notAProject, readOnlyBackup, readOnlyProject, translateSqliteError, validationError } from './errors';
import { checkOpenedProject, damageOf, hasWalContent, inspectProjectFile, looksTruncated, preflightProjectFile } from './file-checks';
import { acquireProjectLock, lockHeldByThisProcess, type ProjectLock } from './project-lock';
import { checkpointWal, lastAuditTime, writeVerifiedCopy, type CheckpointResult } from './handover';
import { GPKG_APPLICATION_ID, GPKG_USER_VERSION } from './gpkg-core';
import {
  createMetaTable,
  MIGRATIONS,
  newerSchemaError,
  pendingMigrations,
  readSchemaVersion,
  readWorkingCrs,
  runMigrations,
  setMeta,
  type Migration,
} from './migrations';
import { countRows, getRow, layerExtent, linksOfRow, queryRows, searchRows, type Filter, type QueryOptions } from './queries';
import { mapLayer } from './map-query';
import { MAP_READ_LIMIT, type MapLayer } from '../../shared/contract/map-layer';
import { PrintLayouts } from './print-layouts';
import { parseSettings, readSettings, updateSettings, writeInitialSettings, type ProjectSettingsInput } from './settings-repo';
import { registerSqlFunctions } from './sql-functions';
import { StatementCache } from './statements';
import { layoutOf } from './table-columns';
import { redo, undo } from './undo-redo';
import { ReviewRepo } from './review-repo';
import { AccountsRepo } from './accounts-repo';
import { BasemapRepo } from './basemap-repo';
import { VerificationRepo } from './verification-repo';
import { publishSource, type PublishSource } from './publish-source';
import { WorkingCrsSchema, type WorkingCrs } from './working-crs';
import { crsDomain, type CrsDomain } from '../../shared/crs/domain';

export interface LayerInfo {
  table: TableName;
  kind: 'feature' | 'record';
  geometryType: string | null;
  count: number;
  extent: Extent | null;
}

export interface StoreInfo {
  path: string;
  fileName: string;
  schemaVersion: number;
  crs: { srsId: number; code: string; name: string; definition: string };
  settings: ProjectSettings;
  layers: LayerInfo[];
  extent: Extent | null;
}

export interface OpenOptions {
  /** Tests inject extra steps to exercise the mechanism; the app uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** SQLite quick_check at open (default: when the file was not closed cleanly or looks truncated). */
  quickCheck?: boolean;
  /**
   * 'write' (default): take the project's write lock and open read-write (read-only if the file or
   * folder cannot be written). 'read': readers (`quytap info|check|print`) neither lock nor write,
   * so they work while the app has the project open. 'held': a second writing connection of the
   * process that already holds the lock (an import's worker thread, jobs/import-worker.ts): the lock
   * is not taken again (taking it from a worker would treat the holder's as left over and replace
   * it), and is refused unless it names this process; no check, no upgrade (the holder did both);
   * close() leaves the checkpoint to the holder.
   */
  access?: 'read' | 'write' | 'held';
}

/** How long a 'held' connection (off the main thread) waits for the holder's write to end. */
const HELD_BUSY_TIMEOUT_MS = 5000;

/** A 'held' open asked for where this process does not hold the lock, or of a file the holder has not prepared: a bug of ours. */
function heldLockMissing(path: string): ApiError {
  return new ApiError(
    'internal',
    `Không mở được dự án "${basename(path)}" cho công việc chạy nền: dự án phải đang mở để sửa trong cửa sổ này. Hãy mở lại dự án rồi làm lại.`,
    `Could not open project "${basename(path)}" for a background job: the project must be open for editing in this window. Open the project again, then retry.`,
    { path },
  );
}

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

/** Moves the finished file into place without ever replacing an existing one. */
function publishNoClobber(tmp: string, path: string): void {
  try {
    linkSync(tmp, path); // atomic, fails with EEXIST
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // FAT32/exFAT USB sticks have no hard links: an exclusive copy is the next best thing.
    copyFileSync(tmp, path, constants.COPYFILE_EXCL);
  }
  rmSync(tmp, { force: true });
}

function fileExists(path: string): ApiError {
  return new ApiError(
    'conflict',
    `Tệp "${basename(path)}" đã có; QuyTap không ghi đè lên tệp đã có. Hãy chọn tên khác.`,
    `"${basename(path)}" already exists; QuyTap never overwrites an existing file. Choose another name.`,
    { path },
  );
}

export class ProjectStore {
  private closed = false;
  private readonly mapCache = new Map<TableName, { stamp: string; layer: MapLayer }>();
  private readonly stmts: StatementCache;
  private readonly deps: EditDeps;

  /** Opened read-only (the file or its folder cannot be written, or a reader asked): edits fail, saying why. */
  readonly readOnly: boolean;
  private readonly lock: ProjectLock | null;
  /** A second connection under the lock another store of this process holds (OpenOptions.access 'held'). */
  private readonly held: boolean;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly crs: WorkingCrs,
    mode: { readOnly: boolean; lock: ProjectLock | null; held?: boolean } = { readOnly: false, lock: null },
  ) {
    this.readOnly = mode.readOnly;
    this.lock = mode.lock;
    this.held = mode.held ?? false;
    this.stmts = new StatementCache(db);
    this.deps = { db, stmts: this.stmts, journal: new EditJournal(db, this.stmts), srsId: crs.srsId, domain: crsDomain(crs.code), audit: prepareAuditInsert(db) };
  }

  /** Creates a new project file (never over an existing one) and opens it. */
  static create(path: string, crs: WorkingCrs, settings: ProjectSettingsInput, author: string): ProjectStore {
    const who = checkAuthor(author);
    const c = WorkingCrsSchema.safeParse(crs);
    if (!c.success) throw validationError('Hệ tọa độ làm việc không hợp lệ.', 'Invalid working CRS.', c.error.issues);
    const s = parseSettings(settings);
    if (existsSync(path)) throw fileExists(path);
    if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory())
      throw new ApiError('not_found', `Không có thư mục "${dirname(path)}".`, `Folder "${dirname(path)}" does not exist.`, { path });

    // Built under a temporary name and published at the end: a crash mid-way leaves no file that
    // looks like a project.
    const tmp = join(dirname(path), `.${basename(path)}.creating-${randomUUID().slice(0, 8)}`);
    try {
      const db = new Database(tmp);
      try {
        registerSqlFunctions(db);
        // 8 KiB pages: shallower B-trees and R-tree nodes, ~20 % faster bulk imports than 4 KiB.
        db.pragma('page_size = 8192');
        db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
        db.pragma(`user_version = ${GPKG_USER_VERSION}`);
        db.pragma('foreign_keys = ON');
        const now = new Date().toISOString();
        db.transaction(() => {
          createMetaTable(db);
          setMeta(db, 'schema_version', '0');
          setMeta(db, 'app', 'QuyTap');
          setMeta(db, 'created_at', now);
          setMeta(db, 'created_by', who);
          setMeta(db, 'crs', JSON.stringify(c.data));
        })();
        runMigrations(db);
        db.transaction(() => writeInitialSettings(db, s, who, now))();
        const fk = db.pragma('foreign_key_check') as unknown[];
        if (fk.length) throw new Error(`foreign_key_check failed: ${JSON.stringify(fk)}`);
        db.pragma('journal_mode = WAL');
      } finally {
        db.close();
      }
      publishNoClobber(tmp, path);
    } catch (e) {
      removeQuietly(tmp);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw fileExists(path);
      throw translateSqliteError(e);
    }
    return ProjectStore.open(path);
  }

  /**
   * Opens an existing project; refuses anything else without modifying it. Wrong files are refused
   * from their bytes alone; damage is judged by SQLite after it has opened the file (which replays
   * the WAL a crash or kill left), by quick_check (about 3 ms per 1,000 features) when the file was
   * not closed cleanly, looks truncated, or when asked. A project whose file or folder cannot be
   * written opens read-only (edits answer why not); one another process has open for writing is
   * refused, naming it (project-lock.ts).
   */
  static open(path: string, options: OpenOptions = {}): ProjectStore {
    if (options.access === 'held') return ProjectStore.openHeld(path, options.migrations ?? MIGRATIONS);
    const migrations = options.migrations ?? MIGRATIONS;
    const known = migrations[migrations.length - 1]!.version;
    preflightProjectFile(path);
    const quickCheck = options.quickCheck ?? (hasWalContent(path) || looksTruncated(path));
    const wantWrite = options.access !== 'read';
    let lock = wantWrite && canWrite(path) ? lockOrNull(path) : null;

    let db: Database.Database | null = null;
    try {
      db = lock ? openWritableOrNull(path) : null;
      const readOnly = !db;
      if (!db) {
        lock?.release(); // nothing to guard: this process will not write either
        lock = null;
        db = openReadOnlyOrRefuse(path);
      }
      const facts = checkOpenedProject(db, path, { quickCheck });
      if (facts.schemaVersion > known) throw newerSchemaError(path, facts.schemaVersion, known);
      if (facts.schemaVersion < 1) throw notAProject(path, 'project creation never finished (schema version 0)');
      if (pendingMigrations(facts.schemaVersion, migrations).length) {
        if (readOnly && !wantWrite && canWrite(path)) {
          // A reader of an older file: the upgrade needs a writer.
          db.close();
          db = null;
          return ProjectStore.open(path, { ...options, access: 'write' });
        }
        if (readOnly) throw readOnlyProject(path, false, 'the file needs an upgrade of its schema');
        // A consistent copy of the file as it was, in case an upgrade step turns out wrong.
        const copy = join(dirname(path), `${basename(path, '.gpkg')}-before-v${known}-${Date.now()}.gpkg`);
        db.prepare('VACUUM INTO ?').run(copy);
        runMigrations(db, migrations);
      }
      return new ProjectStore(db, path, readWorkingCrs(db), { readOnly, lock });
    } catch (e) {
      try {
        db?.close();
      } finally {
        lock?.release();
      }
      throw translateSqliteError(damageOf(e, path), path);
    }
  }

  /**
   * OpenOptions.access 'held': read-write, under the lock this process already holds (refused
   * otherwise), on a file its holder has opened, checked and upgraded. Its writes wait up to
   * HELD_BUSY_TIMEOUT_MS for the holder's: this connection runs off the main thread, so waiting
   * blocks nobody, and an import should not fail because a drafter saved at the same moment.
   */
  private static openHeld(path: string, migrations: readonly Migration[]): ProjectStore {
    preflightProjectFile(path);
    if (!lockHeldByThisProcess(path)) throw heldLockMissing(path);
    const db = openWritable(path);
    try {
      db.pragma(`busy_timeout = ${HELD_BUSY_TIMEOUT_MS}`);
      const facts = checkOpenedProject(db, path, { quickCheck: false });
      if (facts.schemaVersion < 1 || pendingMigrations(facts.schemaVersion, migrations).length || facts.schemaVersion > migrations[migrations.length - 1]!.version)
        throw heldLockMissing(path);
      return new ProjectStore(db, path, readWorkingCrs(db), { readOnly: false, lock: null, held: true });
    } catch (e) {
      db.close();
      throw translateSqliteError(damageOf(e, path), path);
    }
  }

  /** The project's title for file lists, read without opening for writing; null if unreadable. */
  static peekTitle(path: string): string | null {
    return ProjectStore.peek(path).title;
  }

  /**
   * Title and time of the last audited change, for file lists, read without opening for writing
   * (the file's mtime is the time of the last checkpoint or open, not of the last edit); nulls if
   * unreadable.
   */
  static peek(path: string): { title: string | null; lastEdit: string | null } {
    try {
      if (!inspectProjectFile(path)) return { title: null, lastEdit: null };
      const db = openReadOnly(path);
      try {
        const r = db.prepare('SELECT json FROM qt_settings WHERE id = 1').get() as { json: string } | undefined;
        const title = r ? (JSON.parse(r.json) as { title?: unknown }).title : null;
        let lastEdit: string | null = null;
        try {
          lastEdit = lastAuditTime(db);
        } catch {
          /* a file without an audit log yet: the list shows the file's time */
        }
        return { title: typeof title === 'string' ? title : null, lastEdit };
      } finally {
        db.close();
      }
    } catch {
      return { title: null, lastEdit: null };
    }
  }

  private run<T>(fn: () => T): T {
    if (this.closed) throw new ApiError('no_project', 'Dự án đã đóng.', 'The project is closed.');
    try {
      return fn();
    } catch (e) {
      if (this.ownWork && isSqliteError(e) && /^SQLITE_(BUSY|LOCKED)/.test(e.code)) throw busyWithOwnWork(this.ownWork, e.code);
      throw translateSqliteError(e, this.path);
    }
  }

  /** This program's own long write through another connection (an import's worker), while it runs. */
  private ownWork: { vi: string; en: string } | null = null;

  /**
   * Names the long write another connection of this process is making (null when it ends): a write
   * that meets its lock then says so, instead of blaming another program (QGIS) for the lock.
   */
  setOwnWork(work: { vi: string; en: string } | null): void {
    this.ownWork = work;
  }

  /**
   * A read of every row, once (printing), with a small page cache: a scan gains nothing from the
   * 64 MiB one bulk edits need. The usual size is restored and what was cached handed back after.
   */
  scanOnce<T>(fn: () => T): T {
    const before = this.run(() => Number(this.db.pragma('cache_size', { simple: true })));
    this.run(() => this.db.pragma('cache_size = -2048'));
    try {
      return fn();
    } finally {
      this.db.pragma(`cache_size = ${before}`);
      this.db.pragma('shrink_memory');
    }
  }

  /**
   * Never throws: it runs at shutdown, where a read-only or full disk must not crash the app. The
   * WAL is checkpointed into the project file first, so the .gpkg copied alone is the whole project
   * even if another program (QGIS) still reads it and SQLite's own last-close checkpoint cannot run.
   */
  close(): void {
    if (this.closed) return;
    if (this.held) {
      // The holder's connection checkpoints (after its idle, on close): a TRUNCATE here would wait on its readers.
      this.closed = true;
      this.db.close();
      return;
    }
    try {
      // only a hint for the query planner; it writes, so a read-only project skips it
      if (!this.readOnly) this.db.pragma('optimize');
    } catch {
      /* a full or read-only disk: the statistics stay as they were */
    }
    this.checkpoint();
    this.closed = true;
    try {
      this.db.close();
    } catch (e) {
      console.error(`[store] closing ${this.path} failed`, e);
    } finally {
      this.lock?.release();
    }
  }

  /**
   * For a bulk load by a command that is the file's only user (`quytap import`): commits go through a
   * rollback journal instead of the WAL while `on`. In WAL mode every page of a large import is written
   * twice (to the -wal at commit, then copied into the file by the checkpoint): 1.1 s of the heavy
   * import's whole process was ~0.15 s of that second copy. A rollback journal keeps only the few pages
   * the import changes that were already in the file; the new pages go straight to their place. It is
   * just as safe against a crash or kill (synchronous = FULL: the journal is synced before the file is
   * touched; a killed import leaves a hot journal that the next opening rolls back), and it is what
   * GDAL writes GeoPackages with. SQLite refuses the switch while another connection has the file open
   * (QGIS reading it): then nothing changes and false is returned; the import goes through the WAL.
   * Switching back never throws: a file left in rollback mode is put back into WAL by the next opening.
   */
  useRollbackJournal(on: boolean): boolean {
    if (this.readOnly) return false;
    try {
      const mode = String(this.db.pragma(`journal_mode = ${on ? 'DELETE' : 'WAL'}`, { simple: true })).toLowerCase();
      return mode === (on ? 'delete' : 'wal');
    } catch (e) {
      if (on) return false;
      console.error(`[store] ${this.path} stays in rollback-journal mode until it is next opened`, e);
      return false;
    }
  }

  /**
   * Moves every committed edit from the -wal into the project file (handover.ts checkpointWal).
   * Never throws and never runs inside a transaction; a read-only project has nothing of its own to
   * move. Called by the services after a short idle, on close, on switching projects and at quit.
   */
  checkpoint(): CheckpointResult {
    if (this.closed || this.readOnly) return { complete: false, frames: -1 };
    try {
      return checkpointWal(this.db, this.path);
    } catch (e) {
      console.error(`[store] checkpoint of ${this.path} failed`, e);
      return { complete: false, frames: -1 };
    }
  }

  /** Rows this connection has written since it opened: the services' "was there a write?" test. */
  writeCount(): number {
    return this.run(() => (this.stmts.get('SELECT total_changes()', true).get() as [number])[0]);
  }

  /**
   * The hand-over copy (handover.ts): one consistent, verified single-file copy of the project at
   * `target`, in rollback-journal mode. Returns the row counts of every table it was checked against.
   */
  handoverCopy(target: string): Record<string, number> {
    return this.run(() => writeVerifiedCopy(this.db, target));
  }

  /** Where the project's CRS has positions (src/shared/crs/domain.ts): the review names rows outside it. */
  get domain(): CrsDomain {
    return this.deps.domain;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  info(): StoreInfo {
    return this.run(() => {
      const layers: LayerInfo[] = TABLE_NAMES.map((table) => {
        const l = layoutOf(table);
        return { table, kind: l.kind, geometryType: l.geometryType, count: countRows(this.stmts, table), extent: layerExtent(this.stmts, table, this.deps.domain.box) };
      });
      let extent: Extent | null = null;
      for (const { extent: e } of layers)
        if (e) extent = extent ? [Math.min(extent[0], e[0]), Math.min(extent[1], e[1]), Math.max(extent[2], e[2]), Math.max(extent[3], e[3])] : e;
      return {
        path: this.path,
        fileName: basename(this.path),
        schemaVersion: readSchemaVersion(this.db),
        crs: { srsId: this.crs.srsId, code: this.crs.code, name: this.crs.name, definition: this.crs.definition },
        settings: readSettings(this.db),
        layers,
        extent,
      };
    });
  }

  getSettings(): ProjectSettings {
    return this.run(() => readSettings(this.db));
  }

  updateSettings(patch: Partial<ProjectSettingsInput>, author: string): ProjectSettings {
    return this.run(() => updateSettings(this.db, patch, checkAuthor(author)));
  }

  /** Audit entries of the settings (kept apart from history(), whose table is a TableName). */
  settingsHistory(): SettingsAuditEntry[] {
    return this.run(() => settingsHistoryOf(this.stmts));
  }

  query(table: TableName, options: QueryOptions = {}): { rows: Row[]; truncated: boolean } {
    return this.run(() => queryRows(this.stmts, checkTable(table), options));
  }

  /**
   * The map's column-wise read of a feature table (features.map). A whole table's read is kept
   * until this connection or another one writes to the file (total_changes, data_version), and
   * handed out again frozen: a page opening the project gets it without reading 45,000 rows.
   */
  mapLayer(table: TableName, bbox?: Extent, limit = MAP_READ_LIMIT): MapLayer {
    return this.run(() => {
      const t = checkTable(table);
      if (bbox || limit !== MAP_READ_LIMIT) return { ...mapLayer(this.stmts, t, bbox, limit), project: this.path };
      const stamp = this.changeStamp();
      const kept = this.mapCache.get(t);
      if (kept && kept.stamp === stamp) return kept.layer;
      const layer = Object.freeze({ ...mapLayer(this.stmts, t, undefined, limit), project: this.path });
      this.mapCache.set(t, { stamp, layer });
      return layer;
    });
  }

  /** Changes whenever the file's content may have: a write here, or a commit by another connection. */
  private changeStamp(): string {
    const [mine] = this.stmts.get('SELECT total_changes()', true).get() as [number];
    return `${mine}:${this.db.pragma('data_version', { simple: true })}`;
  }

  get(table: TableName, id: string): Row | null {
    return this.run(() => getRow(this.stmts, checkTable(table), checkId(id)));
  }

  searchRecords(table: TableName, text: string, filter: Filter = {}, limit = 500, offset = 0, includeDeleted = false): { rows: Row[]; total: number } {
    return this.run(() => searchRows(this.stmts, checkTable(table), text, filter, limit, offset, includeDeleted));
  }

  linksOf(table: TableName, id: string): { link: Row; other: Row | null }[] {
    return this.run(() => linksOfRow(this.stmts, checkTable(table), checkId(id)));
  }

  applyEdit(edit: EditInput, author: string): EditResult {
    return this.run(() => applyEdit(this.deps, edit, author));
  }

  /**
   * New rows of one table streamed in as ONE edit (an import that does not hold its file): see
   * applyInsertStream. With SQLite's default 2 MiB page cache instead of our usual 64: the rows get
   * time-ordered ids (uuid7), so the uuid and audit indexes grow at their right edge and a big cache
   * gains nothing (measured at 2, 4, 8 and 64 MiB: the same CPU time), while the pages a long
   * transaction dirties would fill all of it (the peak memory of the import: −20 MB at 2× the heavy
   * data against 64 MiB).
   */
  importRows(table: TableName, rows: Iterable<StreamedRow>, author: string, label: (count: number) => string, expected: number): { editId: number; count: number } {
    const before = this.run(() => Number(this.db.pragma('cache_size', { simple: true })));
    this.db.pragma('cache_size = -2048');
    try {
      return this.run(() => applyInsertStream(this.deps, checkTable(table), rows, author, label, expected));
    } finally {
      this.db.pragma(`cache_size = ${before}`);
      // What the stream cached is handed back, so the next file of the same run reuses that memory.
      this.db.pragma('shrink_memory');
    }
  }

  /** Installs the rules every write goes through (one hook: see WriteHook in apply-edit.ts); null removes them. */
  setWriteHook(hook: WriteHook | null): void {
    this.deps.beforeWrite = hook;
  }

  undo(author: string): EditResult | null {
    return this.run(() => undo(this.deps, author));
  }

  redo(author: string): EditResult | null {
    return this.run(() => redo(this.deps, author));
  }

  /** What this operator's own undo and redo would do (each operator has their own history). */
  undoState(author: string): UndoState {
    return this.run(() => this.deps.journal.state(checkAuthor(author)));
  }

  history(table: TableName, id: string): AuditEntry[] {
    return this.run(() => historyOf(this.stmts, checkTable(table), checkId(id)));
  }

  /** Writes `<dir>/<name>-YYYYMMDD-HHMMSS.gpkg` and keeps the newest `keep` of them. */
  async backup(dir: string, keep: number): Promise<string> {
    this.run(() => undefined);
    // A read-only file cannot change, and SQLite's backup of it stalls (SQLITE_BUSY on every step).
    if (this.readOnly) throw readOnlyBackup(this.path);
    try {
      return await backupTo(this.db, this.path, dir, keep);
    } catch (e) {
      throw translateSqliteError(backupError(e, this.path, dir), this.path);
    }
  }

  putAttachmentData(id: string, data: Uint8Array): void {
    this.run(() => putAttachmentData(this.db, checkId(id), data));
  }

  private reviewRepo: ReviewRepo | null = null;
  private accountsRepo: AccountsRepo | null = null;

  /** The review feature's states, comments and settings (src/main/store/review-repo.ts). */
  review(): ReviewRepo {
    this.run(() => undefined);
    return (this.reviewRepo ??= new ReviewRepo(this.db, (fn) => this.run(fn)));
  }

  private verificationRepo: VerificationRepo | null = null;

  /** The verification queue (src/main/store/verification-repo.ts). */
  verification(): VerificationRepo {
    this.run(() => undefined);
    return (this.verificationRepo ??= new VerificationRepo(this.db, (fn) => this.run(fn)));
  }

  /** The hall server's accounts (src/main/store/accounts-repo.ts). */
  accounts(): AccountsRepo {
    this.run(() => undefined);
    return (this.accountsRepo ??= new AccountsRepo(this.db, (fn) => this.run(fn)));
  }

  getAttachmentData(id: string): Buffer | null {
    return this.run(() => getAttachmentData(this.db, checkId(id)));
  }

  /** The audit log's mark and the rows changed after one, for the province roll-up (publish-source.ts). */
  publishSource(): PublishSource {
    const src = this.run(() => publishSource(this.db));
    return { auditSeq: () => this.run(src.auditSeq), fingerprint: () => this.run(src.fingerprint), changesSince: (seq) => this.run(() => src.changesSince(seq)), rowOrder: (t, ids) => this.run(() => src.rowOrder(t, ids)) };
  }

  /** Commune packages and their merge (src/main/store/exchange-package.ts). */
  exchange(): ExchangeAccess {
    return this.run(() => exchangeAccess(this.db));
  }

  /** Saved sheet layouts of the print feature (audited like settings). */
  printLayouts<T>(fn: (repo: PrintLayouts) => T): T {
    return this.run(() => fn(new PrintLayouts(this.db)));
  }

  private basemapRepo: BasemapRepo | null = null;

  /** Offline raster base maps stored in the project (src/main/store/basemap-repo.ts). */
  basemaps<T>(fn: (repo: BasemapRepo) => T): T {
    return this.run(() => fn((this.basemapRepo ??= new BasemapRepo(this.db))));
  }
}

/** Both the file and its folder (where SQLite keeps -wal and -shm, and we keep the lock) writable. */
function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const READ_ONLY_FS = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The write lock, or null when the folder refuses the lock file (then the project opens read-only). */
function lockOrNull(path: string): ProjectLock | null {
  try {
    return acquireProjectLock(path);
  } catch (e) {
    if (READ_ONLY_FS.has((e as NodeJS.ErrnoException).code ?? '')) return null;
    throw e;
  }
}

/** A read-write connection, or null when SQLite finds it cannot write there after all. */
function openWritableOrNull(path: string): Database.Database | null {
  try {
    return openWritable(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || READ_ONLY_FS.has(code)) return null;
    throw e;
  }
}

/**
 * A read-only connection, checked usable at once. In a read-only folder SQLite can read a WAL-mode
 * file only if its -wal and -shm are already there; otherwise the sentence says what to do.
 */
function openReadOnlyOrRefuse(path: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(path);
    db.pragma('schema_version', { simple: true }); // the first read is where SQLite opens the WAL
    return db;
  } catch (e) {
    db?.close();
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || READ_ONLY_FS.has(code)) throw readOnlyProject(path, false, code);
    throw e;
  }
}

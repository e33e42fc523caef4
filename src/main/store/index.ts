// The store: the only place in the project where SQL lives.
export { ProjectStore, type LayerInfo, type OpenOptions, type StoreInfo } from './project-store';
export type { WriteHook, PlannedWrite, RowState } from './apply-edit';
export { WorkingCrsSchema, gpkgSrsRow, towgs84Of, type WorkingCrs } from './working-crs';
export { encodeGpkgGeometry, decodeGpkgGeometry, blobEnvelope, GeometryError } from './geometry-codec';
export { openWritable, openReadOnly } from './connection';
export type { AccountRecord, AccountRole } from './accounts-repo';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
export { SETTINGS_AUDIT_TABLE, SETTINGS_AUDIT_ID, type SettingsAuditEntry } from './audit-log';
export type { Filter, QueryOptions } from './queries';
export type { ProjectSettingsInput } from './settings-repo';
export type { PublishSource, ChangesSince } from './publish-source';

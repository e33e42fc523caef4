export * from './enums';
export * from './tables';
export * from './geometry';
export * from './rows';
export * from './settings';
export * from './edits';

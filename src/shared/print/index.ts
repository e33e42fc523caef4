// The print layout composer and what it is made of (pure; shared by main's PDF and the preview).
export * from './display-list';
export * from './paper';
export * from './settings';
export * from './input';
export * from './statistics';
export { compose, planSheet, sheetOfSeriesWarning, MAX_SHEETS, type ComposeReport, type ComposeResult, type SheetPlan } from './compose';
export { fitRoundScale, roundScaleAtLeast, sheetsAtMost, MIN_SCALE, MAX_SCALE } from './scale';
export { NEIGHBOURS } from './legend';
export { crsNote, formatMeridian } from './crs-note';
export { gridValues } from './grid';
export { scaleBarLength } from './furniture';

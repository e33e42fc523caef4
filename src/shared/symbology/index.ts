// Shared symbology: one definition of classes, colours, symbols, labels and legend texts, used by
// the on-screen map (renderer) and the printed sheet (PDF). Pure data + functions, paper units.
export * from './types';
export * from './units';
export { SYMBOLS, symbolToSvg, starPoints, arcPoints, type SymbolId } from './symbols';
export { CLASSES, CLASS_FIELD, DEFAULT_STATUS_FILLS, DRAW_ORDER, TABLE_GEOMETRY, classDef, type ClassDef } from './classes';
export { LABEL_RULES, labelRuleFor, labelText } from './labels';
export {
  styleFor,
  styleOfClass,
  classKeyOf,
  statusFill,
  drawOrderOf,
  legendEntries,
  presentClasses,
  allClassKeys,
  isFeatureTable,
  visibleAtScale,
  type SymbologySettings,
} from './style';

// The register's columns a sheet's headers are mapped to (martyrs' fields, and the plot's place).
// Zod-free, so the renderer's mapping dialog reads the same list the contract checks.
export const REGISTER_COLUMNS = [
  'full_name',
  'birth_year',
  'hometown',
  'unit',
  'rank_position',
  'death_date',
  'death_place',
  'section',
  'row',
  'plot_number',
  'notes',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

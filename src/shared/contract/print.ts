// Contract methods of the print feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/print.ts.
export const printMethods = {} as const;

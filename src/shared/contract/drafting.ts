// Contract methods of the drafting feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/drafting.ts.
export const draftingMethods = {} as const;

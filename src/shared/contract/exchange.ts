// Contract methods of the exchange feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/exchange.ts.
export const exchangeMethods = {} as const;

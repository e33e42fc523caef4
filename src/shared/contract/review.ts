// Contract methods of the review feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/review.ts.
export const reviewMethods = {} as const;

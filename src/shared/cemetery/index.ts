export * from './columns';
export * from './grid';
export * from './plot-key';
export * from './search';
export * from './locator';
export * from './locator-path';

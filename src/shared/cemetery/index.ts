export * from './grid';
export * from './plot-key';
export * from './search';

export * from './results-form.ts';
export * from './analytics.ts';
export * from './summary.ts';
export * from './api.ts';
export * from './reports/index.ts';
export * from './objectivity.ts';

export * from './results-form.ts';
export * from './analytics.ts';
export * from './summary.ts';
export * from './api.ts';

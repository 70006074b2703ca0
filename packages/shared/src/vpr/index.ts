export * from './zoned-time.ts';
export * from './time-gates.ts';
export * from './moment-text.ts';

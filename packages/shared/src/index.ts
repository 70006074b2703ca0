export * from './roles.ts';
export * from './permissions.ts';
export * from './logins.ts';
export * from './api.ts';
export * from './regions.ts';

export * from './template.ts';
export * from './cells.ts';
export * from './parse-cell.ts';
export * from './resolve.ts';
export * from './validate.ts';
export * from './describe.ts';
export * from './template-check.ts';
// Only the helpers with form-specific names: generic ones (plural, isBlank…) stay internal so that the
// package-wide `export *` in src/index.ts cannot collide with other modules.
export { decimalPlaces, formatNumberRu, lookalikeKey, matchListItem, parseNumberText } from './normalize.ts';
export type { ListMatch } from './normalize.ts';
export { dateObjectToIso, excelSerialToIso, isIsoDate, isoToRu, isoToUtcDate, parseDateText } from './dates.ts';
/** All text helpers of the engine under one name (collapseSpaces, isBlank, plural, listForMessage…). */
export * as formText from './normalize.ts';

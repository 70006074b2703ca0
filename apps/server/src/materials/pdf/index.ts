// Every renderer is async so that bad input (a broken picture) rejects the promise instead of throwing.
export { renderCodeSlipsPdf } from './code-slips.pdf.ts';
export { renderCriteriaPdf } from './criteria.pdf.ts';
export { renderProtocolPdf } from './protocol.pdf.ts';
export { renderVariantPdf } from './variant.pdf.ts';
export type * from './types.ts';

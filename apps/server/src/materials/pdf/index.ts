export { renderCodeSlipsPdf } from './code-slips.pdf.ts';
export { renderCriteriaPdf } from './criteria.pdf.ts';
export { renderProtocolPdf } from './protocol.pdf.ts';
export { renderVariantPdf } from './variant.pdf.ts';
export type * from './types.ts';

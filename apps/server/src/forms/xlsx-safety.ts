/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with one of these characters
 * may be taken for a formula when a file is re-saved as CSV or pasted back into a sheet.
 */
const TRIGGERS = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to text that a spreadsheet could run as a formula; every export goes through it. */
export function neutralizeFormula(value: string): string {
  return TRIGGERS.test(value) ? `'${value}` : value;
}

/** The inverse for text read back from our own files: "'=A1" → "=A1"; other text is untouched. */
export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && TRIGGERS.test(value.slice(1)) ? value.slice(1) : value;
}

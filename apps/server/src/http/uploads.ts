/** The largest single uploaded file (a storage file, a filled form); bigger bodies get a Russian 413. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** A filled form in XLSX: far above any real one (1,500 rows × 50 columns is about 1 MB). */
export const MAX_FORM_UPLOAD_BYTES = 20 * 1024 * 1024;

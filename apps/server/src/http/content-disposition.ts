/**
 * A Content-Disposition header for a Cyrillic file name: an ASCII fallback plus RFC 5987 UTF-8,
 * which every browser we support reads.
 */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

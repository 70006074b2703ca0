const FORBIDDEN = new Set([...'\\/:*?"<>|']);

/**
 * A file name for a download built from titles: characters Windows and other systems refuse (and
 * control characters) become spaces, and it stays short. Only the browser sees it; it never becomes
 * a path on the server.
 */
export function downloadName(base: string, ext: string, max = 150): string {
  let out = '';
  for (const ch of base) out += FORBIDDEN.has(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch;
  return `${out.replace(/ {2,}/g, ' ').slice(0, max).trim()}.${ext}`;
}

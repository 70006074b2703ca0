/** A download's name from a title users recognise, with the date; characters file systems refuse are dropped. */
export function xlsxFileName(title: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  const safe = [...title]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${safe} ${date}.xlsx`;
}

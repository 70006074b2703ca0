/**
 * File names come from uploads and are only ever data: a name is shown, put in Content-Disposition
 * and inside ZIP archives, never joined to a path (blobs are stored under their hash).
 */

export const MAX_NAME_LENGTH = 255;

// C0/C1 controls, and the bidi overrides that make «exe.pdf» look like «fdp.exe»
const UNSAFE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The last path segment of a browser-sent name, without control characters, trimmed, at most 255
 * characters (the extension is kept when cutting). Null when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string | null {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  // «..» or a lone dot are directory names, not files
  if (/^\.+$/.test(name)) name = '';
  if (!name) return null;
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? [...name.slice(dot)] : [];
  return (
    chars
      .slice(0, MAX_NAME_LENGTH - ext.length)
      .join('')
      .trimEnd() + ext.join('')
  );
}

/** The ОО login an individual file is named by: the part before the first `.`, `_`, `-` or space. */
export function loginPrefix(name: string): string {
  return name.split(/[._\- ]/, 1)[0] ?? '';
}

/** Gives repeated names a suffix, «отчёт.pdf», «отчёт (2).pdf», case-insensitively as Windows does. */
export function uniqueNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

const extension = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** From the extension, not from what the browser claims: the type is ours to decide. */
export function contentTypeOf(name: string): string {
  return TYPES[extension(name)] ?? 'application/octet-stream';
}

const PLAIN = new Set(['txt', 'csv', 'xml', 'html', 'htm', 'json', 'rtf', 'svg', 'md', 'b2p']);

/** Worth deflating inside a ZIP; PDFs, office files, archives and media are already compressed. */
export function compressible(name: string): boolean {
  return PLAIN.has(extension(name));
}

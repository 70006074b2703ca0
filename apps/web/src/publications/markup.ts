// The small safe markup of a publication's general information, parsed into data that React renders:
// paragraphs (blank line between), lines starting with «- » as a list, **bold**, [text](https://…) and
// [text](file:<id>) for this publication's files. Anything else stays plain text; no HTML ever passes through.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'file'; text: string; fileId: string }
  | { kind: 'break' };

export type Block = { kind: 'paragraph'; content: Inline[] } | { kind: 'list'; items: Inline[][] };

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/;
const WEB = /^https?:\/\/[^\s]+$/i;
const FILE = /^file:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const LIST_ITEM = /^\s*[-•]\s+/;

function pushText(out: Inline[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

function linkOf(text: string, target: string, raw: string): Inline {
  const file = FILE.exec(target);
  if (file?.[1]) return { kind: 'file', text, fileId: file[1].toLowerCase() };
  if (WEB.test(target)) return { kind: 'link', text, href: target };
  return { kind: 'text', text: raw };
}

function parseInline(src: string, allowBold: boolean): Inline[] {
  const out: Inline[] = [];
  let rest = src;
  while (rest) {
    const link = LINK.exec(rest);
    const boldAt = allowBold ? rest.indexOf('**') : -1;
    const boldEnd = boldAt >= 0 ? rest.indexOf('**', boldAt + 2) : -1;
    const bold = boldAt >= 0 && boldEnd > boldAt + 2;
    if (bold && (!link || boldAt < link.index)) {
      pushText(out, rest.slice(0, boldAt));
      out.push({ kind: 'bold', children: parseInline(rest.slice(boldAt + 2, boldEnd), false) });
      rest = rest.slice(boldEnd + 2);
    } else if (link) {
      pushText(out, rest.slice(0, link.index));
      const inline = linkOf(link[1] ?? '', link[2] ?? '', link[0]);
      if (inline.kind === 'text') pushText(out, inline.text);
      else out.push(inline);
      rest = rest.slice(link.index + link[0].length);
    } else {
      pushText(out, rest);
      rest = '';
    }
  }
  return out;
}

function parseLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    out.push(...parseInline(line, true));
  });
  return out;
}

export function parseMarkup(src: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of src.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => LIST_ITEM.test(l))) {
      blocks.push({ kind: 'list', items: lines.map((l) => parseInline(l.replace(LIST_ITEM, '').trim(), true)) });
    } else {
      blocks.push({ kind: 'paragraph', content: parseLines(lines.map((l) => l.trim())) });
    }
  }
  return blocks;
}

/** Ids of this publication's files the text links to. */
export function linkedFileIds(blocks: Block[]): string[] {
  const ids: string[] = [];
  const walk = (xs: Inline[]) => {
    for (const x of xs) {
      if (x.kind === 'file') ids.push(x.fileId);
      if (x.kind === 'bold') walk(x.children);
    }
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') walk(b.content);
    else b.items.forEach(walk);
  }
  return ids;
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Pixel size of a PNG or JPEG from its header, or null for anything else: the variant layout must know how tall
 * a picture is before it decides whether it fits on the page.
 */
export function imageSize(data: Buffer): ImageSize | null {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('ascii', 12, 16) === 'IHDR') {
    return positive({ width: data.readUInt32BE(16), height: data.readUInt32BE(20) });
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegSize(data);
  return null;
}

function jpegSize(data: Buffer): ImageSize | null {
  let at = 2;
  while (at + 9 <= data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] ?? 0;
    // Fill bytes and markers without a length (RSTn, TEM) carry no segment.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return positive({ height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) });
    at += 2 + data.readUInt16BE(at + 2);
  }
  return null;
}

function positive(size: ImageSize): ImageSize | null {
  return size.width > 0 && size.height > 0 ? size : null;
}

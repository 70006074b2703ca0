import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size.ts';
import { testPng } from './png.testing.ts';

/** The smallest JPEG structure the reader needs: SOI, an APP0 segment, then a baseline frame header. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(9)]);
}

describe('imageSize', () => {
  it('reads the pixel size of a PNG', () => {
    expect(imageSize(testPng(321, 123))).toEqual({ width: 321, height: 123 });
  });

  it('reads the pixel size of a JPEG past the segments before the frame', () => {
    expect(imageSize(jpegHeader(1024, 768))).toEqual({ width: 1024, height: 768 });
  });

  it('returns null for other or broken data', () => {
    expect(imageSize(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull();
    expect(imageSize(Buffer.alloc(0))).toBeNull();
    expect(imageSize(jpegHeader(1024, 768).subarray(0, 10))).toBeNull();
    expect(imageSize(testPng(0, 10))).toBeNull();
  });
});

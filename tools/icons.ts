// `npm run icons`: draws the app's icons as PNG files (the Teams colour and outline icons, and the Outlook
// ribbon's 16, 32 and 80 px icons). The pictures are simple shapes, so no image tool is needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Pixel = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, paint: (x: number, y: number) => Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rows.set(paint(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Three linked circles (the partnership's schools) on a rounded square, or in white alone for the outline. */
function logo(size: number, outline: boolean): Buffer {
  const s = size;
  const circles = [
    [0.33, 0.4],
    [0.67, 0.4],
    [0.5, 0.68],
  ].map(([cx = 0, cy = 0]) => [cx * s, cy * s] as const);
  return png(s, (x, y) => {
    const inRing = circles.some(([cx, cy]) => {
      const d = Math.hypot(x - cx, y - cy);
      return d < 0.2 * s && d > 0.12 * s;
    });
    if (outline) return inRing ? [255, 255, 255, 255] : [0, 0, 0, 0];
    const r = 0.18 * s;
    const dx = Math.max(r - x, 0, x - (s - r));
    const dy = Math.max(r - y, 0, y - (s - r));
    if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
    return inRing ? [255, 255, 255, 255] : [91, 95, 199, 255];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../manifest/color.png', import.meta.url), logo(192, false));
  writeFileSync(new URL('../manifest/outline.png', import.meta.url), logo(32, true));
  for (const size of [16, 32, 80])
    writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), logo(size, false));
  process.stdout.write('icons written\n');
}

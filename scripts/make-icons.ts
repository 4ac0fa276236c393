/**
 * Writes the web-app icons in public/icons/ (run once: `node scripts/make-icons.ts`; the PNGs are
 * committed). The favicon's design — three white bars on the course blue — drawn as PNG with
 * node:zlib only: 192 and 512 px "any" icons with rounded corners, and a 512 px maskable icon
 * (full-bleed background, bars inside the central 80 % safe zone).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0xa8] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of `size` px; `pixel(x, y)` gives [r, g, b, a] in a 32-unit design grid. */
function png(size: number, pixel: (x: number, y: number) => readonly number[]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const [r = 0, g = 0, b = 0, a = 0] = pixel(((x + 0.5) * 32) / size, ((y + 0.5) * 32) / size);
      row.set([r, g, b, a], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The favicon's bars (x 8–24, y 9–12 / 15–18 / 21–24, the last one 10 wide), scaled by `k` about the centre. */
function onBar(x: number, y: number, k: number): boolean {
  const u = 16 + (x - 16) / k;
  const v = 16 + (y - 16) / k;
  return (
    (u >= 8 && u < 24 && ((v >= 9 && v < 12) || (v >= 15 && v < 18))) ||
    (u >= 8 && u < 18 && v >= 21 && v < 24)
  );
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const any = (x: number, y: number) =>
  !inRoundedSquare(x, y, 6) ? [0, 0, 0, 0] : onBar(x, y, 1) ? [...WHITE, 255] : [...BLUE, 255];
// Maskable: the bars span 8–24 of 32 (50 %); at 0.9 they stay well inside the 80 % safe circle.
const maskable = (x: number, y: number) => (onBar(x, y, 0.9) ? [...WHITE, 255] : [...BLUE, 255]);

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, any));
writeFileSync('public/icons/icon-512.png', png(512, any));
writeFileSync('public/icons/icon-maskable-512.png', png(512, maskable));
console.log('wrote public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');

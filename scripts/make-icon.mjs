// Writes resources/icon.png (256×256): a solid red square with a lighter red border.
// Run once with `node scripts/make-icon.mjs`; uses only node:zlib, no image packages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const BORDER = 16;
const FILL = [0xc8, 0x10, 0x2e]; // deep red
const EDGE = [0xe8, 0x6a, 0x78]; // lighter red

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 2; // colour type: RGB
header[10] = 0; // compression
header[11] = 0; // filter
header[12] = 0; // no interlace

const rowLength = 1 + SIZE * 3;
const pixels = Buffer.alloc(rowLength * SIZE);
for (let y = 0; y < SIZE; y += 1) {
  pixels[y * rowLength] = 0; // filter: none
  for (let x = 0; x < SIZE; x += 1) {
    const onEdge = x < BORDER || y < BORDER || x >= SIZE - BORDER || y >= SIZE - BORDER;
    const [r, g, b] = onEdge ? EDGE : FILL;
    const offset = y * rowLength + 1 + x * 3;
    pixels[offset] = r;
    pixels[offset + 1] = g;
    pixels[offset + 2] = b;
  }
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

mkdirSync(new URL('../resources/', import.meta.url), { recursive: true });
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);

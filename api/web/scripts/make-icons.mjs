// Draws the app icons (public/icons/*.png): four answer shapes in their colours on the brand
// colour. Run once with `node scripts/make-icons.mjs`; the PNGs are committed. No dependencies:
// a minimal PNG encoder on node:zlib.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x supersampling for smooth edges.
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < 2; sy++) for (let sx = 0; sx < 2; sx++) {
        const [pr, pg, pb] = pixel((x + (sx + 0.5) / 2) / size, (y + (sy + 0.5) / 2) / size);
        r += pr; g += pg; b += pb;
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r / 4; raw[o + 1] = g / 4; raw[o + 2] = b / 4; raw[o + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const brand = [0x3b, 0x1f, 0x8f];
const colours = [[0xb9, 0x1c, 0x1c], [0x1d, 0x4e, 0xd8], [0xa1, 0x62, 0x07], [0x15, 0x80, 0x3d]];
const inside = [
  (u, v) => v > 0.1 && v < 0.9 && Math.abs(u - 0.5) < (v - 0.1) * 0.55, // triangle
  (u, v) => Math.abs(u - 0.5) + Math.abs(v - 0.5) < 0.42, // diamond
  (u, v) => (u - 0.5) ** 2 + (v - 0.5) ** 2 < 0.16, // circle
  (u, v) => Math.abs(u - 0.5) < 0.36 && Math.abs(v - 0.5) < 0.36, // square
];

/** pad: the share of the icon kept free around the 2x2 grid (maskable icons need a wide safe zone). */
function icon(pad) {
  return (x, y) => {
    const gx = (x - pad) / (1 - 2 * pad), gy = (y - pad) / (1 - 2 * pad);
    if (gx < 0 || gx >= 1 || gy < 0 || gy >= 1) return brand;
    const cell = (gy < 0.5 ? 0 : 2) + (gx < 0.5 ? 0 : 1);
    const u = (gx % 0.5) * 2, v = (gy % 0.5) * 2;
    // A white tile per cell, the shape in its colour on it.
    const tu = (u - 0.5) / 0.86 + 0.5, tv = (v - 0.5) / 0.86 + 0.5;
    if (tu < 0 || tu > 1 || tv < 0 || tv > 1) return brand;
    return inside[cell](tu, tv) ? colours[cell] : [255, 255, 255];
  };
}

mkdirSync(new URL("../public/icons/", import.meta.url), { recursive: true });
writeFileSync(new URL("../public/icons/icon-192.png", import.meta.url), png(192, icon(0.1)));
writeFileSync(new URL("../public/icons/icon-512.png", import.meta.url), png(512, icon(0.1)));
writeFileSync(new URL("../public/icons/icon-maskable-512.png", import.meta.url), png(512, icon(0.22)));

#!/usr/bin/env node
// Draws the app icon and writes the installers' icon set into build/:
//   build/icon.png (1024 px master), build/icon.ico (Windows), build/icon.icns (macOS),
//   build/icons/<size>x<size>.png (Linux, 16..1024).
// Usage: node scripts/make-icons.mjs [--out <dir>]   (default: build/)
// Pure Node (zlib): the artwork is a few signed-distance shapes, rendered with analytic anti-aliasing
// at every size, so small sizes are drawn for their size rather than scaled down from the master.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types and the pixel size each holds (PNG payloads, macOS 10.7+).
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

// ---------------------------------------------------------------- artwork (1024-unit design grid)

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const mix = (a, b, t) => a + (b - a) * t;
const smoothstep = (e0, e1, x) => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp((px * dx + py * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(px - dx * t, py - dy * t);
}

/** The padlock's shackle: an upper half-circle with two straight legs, stroked. */
function shackle(x, y, g) {
  const { cx, cy, r, legEnd, half } = g;
  const arc = y <= cy ? Math.abs(Math.hypot(x - cx, y - cy) - r) : Infinity;
  const left = segment(x, y, cx - r, cy, cx - r, legEnd);
  const right = segment(x, y, cx + r, cy, cx + r, legEnd);
  return Math.min(arc, left, right) - half;
}

// Small icons get a tighter margin and a bolder, simpler glyph: a 16 px icon has no room for detail.
function geometry(size) {
  const small = size <= 48;
  const inset = small ? 40 : 100; // Apple's grid: an 824-unit tile inside 1024
  const tile = { cx: 512, cy: 512, hw: 512 - inset, hh: 512 - inset, r: small ? 200 : 185 };
  const scale = small ? 1.08 : 0.9;
  const s = (v) => 512 + (v - 512) * scale - (small ? 0 : 6);
  return {
    small,
    tile,
    shadow: !small,
    body: { cx: 512, cy: s(628), hw: 232 * scale, hh: 170 * scale, r: 46 * scale },
    shackle: { cx: 512, cy: s(432), r: 142 * scale, legEnd: s(520), half: (small ? 40 : 34) * scale },
    dots:
      size >= 32 ? [-92, 0, 92].map((dx) => ({ cx: 512 + dx * scale, cy: s(628), r: (small ? 30 : 27) * scale })) : [],
  };
}

// Zoom-like blues: light at the top left, deep at the bottom right.
const TOP = [74, 158, 255];
const BOTTOM = [16, 76, 214];

function shade(x, y, g) {
  const t = clamp(((y - 100) * 0.85 + (x - 100) * 0.15) / 824, 0, 1);
  const base = TOP.map((c, i) => mix(c, BOTTOM[i], t));
  // A soft highlight across the upper third reads as a lit surface, not a flat fill.
  const glow = 0.16 * (1 - smoothstep(0, 420, Math.hypot((x - 512) * 0.7, y - 150)));
  // A faint darker rim keeps the tile's edge visible on white backgrounds.
  const rim = 0.12 * smoothstep(-26, 0, roundedRect(x, y, g.tile.cx, g.tile.cy, g.tile.hw, g.tile.hh, g.tile.r));
  return base.map((c) => clamp(c + (255 - c) * glow - c * rim, 0, 255));
}

function glyph(x, y, g) {
  const body = roundedRect(x, y, g.body.cx, g.body.cy, g.body.hw, g.body.hh, g.body.r);
  let d = Math.min(body, shackle(x, y, g.shackle));
  for (const dot of g.dots) d = Math.max(d, -(Math.hypot(x - dot.cx, y - dot.cy) - dot.r));
  return d;
}

/** Over-composites straight-alpha colour src onto dst in place. */
function over(dst, rgb, a) {
  const outA = a + dst[3] * (1 - a);
  if (outA <= 0) return;
  for (let i = 0; i < 3; i++) dst[i] = (rgb[i] * a + dst[i] * dst[3] * (1 - a)) / outA;
  dst[3] = outA;
}

/** Renders the icon at `size` px: RGBA bytes, straight alpha. */
export function renderIcon(size) {
  const g = geometry(size);
  const unit = 1024 / size; // design units per pixel
  const aa = (d) => clamp(0.5 - d / unit, 0, 1); // coverage of a pixel by a shape at distance d
  const out = Buffer.alloc(size * size * 4);
  const px = [0, 0, 0, 0];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) * unit;
      const y = (j + 0.5) * unit;
      px[0] = px[1] = px[2] = px[3] = 0;
      const tile = roundedRect(x, y, g.tile.cx, g.tile.cy, g.tile.hw, g.tile.hh, g.tile.r);
      if (g.shadow) {
        // A soft drop shadow under the tile, as macOS icons carry in their artwork.
        const sd = roundedRect(x, y - 14, g.tile.cx, g.tile.cy, g.tile.hw, g.tile.hh, g.tile.r);
        over(px, [0, 20, 60], 0.32 * (1 - smoothstep(-24, 34, sd)));
      }
      const tileCover = aa(tile);
      if (tileCover > 0) {
        over(px, shade(x, y, g), tileCover);
        if (!g.small) {
          // The glyph's own shadow, inside the tile only.
          const gs = glyph(x, y - 16, g);
          over(px, [8, 40, 120], tileCover * 0.28 * (1 - smoothstep(-14, 22, gs)));
        }
        const glyphCover = Math.min(aa(glyph(x, y, g)), tileCover);
        if (glyphCover > 0) over(px, [255, 255, 255], glyphCover);
      }
      const o = (j * size + i) * 4;
      out[o] = Math.round(px[0]);
      out[o + 1] = Math.round(px[1]);
      out[o + 2] = Math.round(px[2]);
      out[o + 3] = Math.round(px[3] * 255);
    }
  }
  return out;
}

// ---------------------------------------------------------------- encoders

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as an 8-bit RGBA PNG (filter "Sub" on every row: small files, simple code). */
export function encodePng(rgba, width, height) {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 1; // Sub
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      raw[row + 1 + x] = (rgba[y * stride + x] - left) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Sizes below 256 are stored as 32-bit DIBs, which every Windows version and NSIS read;
// 256 is stored as PNG, as Windows Vista and later expect.
function icoBitmap(rgba, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4; // bottom-up rows, BGRA
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskStride = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskStride * size); // all zero: the alpha channel decides
  return Buffer.concat([header, pixels, mask]);
}

/** Builds a multi-size .ico from { size → rgba }. */
export function encodeIco(images) {
  const entries = ICO_SIZES.map((size) => {
    const rgba = images.get(size);
    return { size, data: size >= 256 ? encodePng(rgba, size, size) : icoBitmap(rgba, size) };
  });
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach((e, i) => {
    const at = 6 + i * 16;
    dir[at] = e.size >= 256 ? 0 : e.size; // 0 means 256
    dir[at + 1] = e.size >= 256 ? 0 : e.size;
    dir.writeUInt16LE(1, at + 4); // planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(e.data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += e.data.length;
  });
  return Buffer.concat([dir, ...entries.map((e) => e.data)]);
}

/** Builds an .icns holding PNG elements from { size → png }. */
export function encodeIcns(pngs) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const data = pngs.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// ---------------------------------------------------------------- main

function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]) : path.join(root, 'build');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);
  const images = new Map(sizes.map((size) => [size, renderIcon(size)]));
  const pngs = new Map(sizes.map((size) => [size, encodePng(images.get(size), size, size)]));

  mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  writeFileSync(path.join(outDir, 'icon.png'), pngs.get(1024));
  for (const size of LINUX_SIZES) writeFileSync(path.join(outDir, 'icons', `${size}x${size}.png`), pngs.get(size));
  writeFileSync(path.join(outDir, 'icon.ico'), encodeIco(images));
  writeFileSync(path.join(outDir, 'icon.icns'), encodeIcns(pngs));
  console.log(`make-icons: wrote icon.png, icon.ico, icon.icns and icons/ (${LINUX_SIZES.join(', ')} px) to ${outDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

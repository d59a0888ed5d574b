// The installers' icon set in build/: complete, well-formed, and exactly what scripts/make-icons.mjs draws
// (so the committed files cannot drift from the script that documents them).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodePng, pngSize } from './png';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = path.join(ROOT, 'build');

interface MakeIcons {
  LINUX_SIZES: number[];
  ICO_SIZES: number[];
  ICNS_TYPES: [string, number][];
  renderIcon(size: number): Buffer;
}
// A computed URL keeps TypeScript from resolving the untyped .mjs module.
const makeIconsUrl = pathToFileURL(path.join(ROOT, 'scripts', 'make-icons.mjs')).href;
const icons = (await import(makeIconsUrl)) as MakeIcons;

function pixel(png: { width: number; pixels: Buffer }, x: number, y: number): number[] {
  const at = (y * png.width + x) * 4;
  return [...png.pixels.subarray(at, at + 4)];
}

function maxChannelDifference(a: Buffer, b: Buffer): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

describe('icon set', () => {
  test('the 1024 px master is a blue rounded tile with a white padlock on a transparent background', () => {
    const png = decodePng(readFileSync(path.join(BUILD, 'icon.png')));
    assert.deepEqual([png.width, png.height], [1024, 1024]);
    assert.equal(pixel(png, 4, 4)[3], 0, 'corner is transparent');
    const [r, g, b, a] = pixel(png, 512, 160);
    assert.equal(a, 255, 'the tile is opaque');
    assert.ok((b ?? 0) > 200 && (b ?? 0) > (r ?? 0) + 100 && (b ?? 0) > (g ?? 0), `the tile is blue, got ${[r, g, b]}`);
    assert.deepEqual(pixel(png, 512, 700), [255, 255, 255, 255], 'the padlock body is white');
    const dot = pixel(png, 512, 610);
    assert.ok((dot[2] ?? 0) > (dot[0] ?? 0) + 100, `the middle password dot is cut out in blue, got ${dot}`);
  });

  test('every PNG is exactly what scripts/make-icons.mjs draws at its size', () => {
    const files: [string, number][] = [
      ['icon.png', 1024],
      ...icons.LINUX_SIZES.map((s): [string, number] => [path.join('icons', `${s}x${s}.png`), s]),
    ];
    for (const [file, size] of files) {
      const png = decodePng(readFileSync(path.join(BUILD, file)));
      assert.deepEqual([png.width, png.height], [size, size], file);
      // 1 level of tolerance: floating-point rounding may differ between Node versions.
      assert.ok(
        maxChannelDifference(png.pixels, icons.renderIcon(size)) <= 1,
        `${file} is stale: run node scripts/make-icons.mjs`,
      );
    }
  });

  test('Linux gets build/icons/<size>x<size>.png from 16 to 1024 px', () => {
    assert.deepEqual(icons.LINUX_SIZES, [16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of icons.LINUX_SIZES) {
      assert.ok(existsSync(path.join(BUILD, 'icons', `${size}x${size}.png`)), `${size}x${size}.png`);
    }
  });

  test('icon.ico holds 16 to 256 px: bitmaps below 256, PNG at 256', () => {
    const ico = readFileSync(path.join(BUILD, 'icon.ico'));
    assert.equal(ico.readUInt16LE(0), 0);
    assert.equal(ico.readUInt16LE(2), 1, 'type is icon');
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 16;
      const size = ico[at] === 0 ? 256 : (ico[at] ?? -1);
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      assert.ok(offset + length <= ico.length, `entry ${size} lies inside the file`);
      const data = ico.subarray(offset, offset + length);
      if (size === 256) {
        assert.deepEqual(pngSize(data), { width: 256, height: 256 });
      } else {
        assert.equal(data.readUInt32LE(0), 40, `entry ${size} is a BITMAPINFOHEADER`);
        assert.deepEqual([data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)], [size, size * 2, 32]);
        assert.equal(
          length,
          40 + size * size * 4 + Math.ceil(size / 32) * 4 * size,
          `entry ${size} has pixels and mask`,
        );
      }
      sizes.push(size);
    }
    assert.deepEqual(sizes, icons.ICO_SIZES);
    assert.ok(sizes.includes(256), 'electron-builder needs a 256 px Windows icon');
  });

  test('icon.icns holds PNG elements from 16 to 1024 px (including the Retina ones)', () => {
    const icns = readFileSync(path.join(BUILD, 'icon.icns'));
    assert.equal(icns.toString('latin1', 0, 4), 'icns');
    assert.equal(icns.readUInt32BE(4), icns.length, 'the header length is the file length');
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      assert.ok(length > 8 && at + length <= icns.length, `element ${type} lies inside the file`);
      const size = pngSize(icns.subarray(at + 8, at + length));
      assert.ok(size && size.width === size.height, `element ${type} is a square PNG`);
      found.push([type, size.width]);
      at += length;
    }
    assert.deepEqual(found, icons.ICNS_TYPES);
    assert.ok(
      found.some(([type, size]) => type === 'ic10' && size === 1024),
      'has the 512@2x (1024 px) element',
    );
  });
});

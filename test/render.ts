import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as mupdf from 'mupdf';

/*
 * Looking at rendered documents in tests: a PDF page or an SVG as a PNG, a check that a picture is not
 * blank, and a copy kept under test-output/ (git-ignored) to open by hand.
 */

/** Where `keepTestOutput` writes: test-output/ at the root of the checkout. */
export const TEST_OUTPUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');

/** Page `page` (from 0) of a PDF as a PNG, at `dpi` (96 by default). */
export async function pdfToPng(pdf: Uint8Array, page = 0, dpi = 96): Promise<Buffer> {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    if (page >= document.countPages()) throw new Error(`pdfToPng: page ${page} asked, the PDF has ${document.countPages()}`);
    const scale = dpi / 72;
    const pixmap = document.loadPage(page).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return Buffer.from(pixmap.asPNG());
  } finally {
    document.destroy();
  }
}

/** The text of every page of a PDF (to check what it says, accents included). */
export function pdfText(pdf: Uint8Array): string {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const pages: string[] = [];
    for (let i = 0; i < document.countPages(); i++) pages.push(document.loadPage(i).toStructuredText('preserve-whitespace').asText());
    return pages.join('\f');
  } finally {
    document.destroy();
  }
}

/** The number of pages of a PDF. */
export function pdfPageCount(pdf: Uint8Array): number {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    return document.countPages();
  } finally {
    document.destroy();
  }
}

/** An SVG as a PNG (white background, its own size, or `width` pixels wide). */
export async function svgToPng(svg: string, width?: number): Promise<Buffer> {
  const resvg = new Resvg(svg, { background: 'white', fitTo: width ? { mode: 'width', value: width } : { mode: 'original' }, font: { loadSystemFonts: true } });
  return Buffer.from(resvg.render().asPng());
}

/**
 * Throws unless a PNG shows something: at least `minShare` (0.1 % by default) of its pixels differ
 * clearly from its most common colour (the background).
 */
export function assertNotBlank(png: Buffer, minShare = 0.001): void {
  const image = new mupdf.Image(png);
  const pixmap = image.toPixmap();
  const n = pixmap.getNumberOfComponents() + (pixmap.getAlpha() ? 1 : 0);
  const pixels = pixmap.getPixels();
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const counts = new Map<number, number>();
  const colour = (x: number, y: number) => {
    const at = y * stride + x * n;
    let key = 0;
    for (let c = 0; c < Math.min(n, 3); c++) key = key * 256 + pixels[at + c]!;
    return key;
  };
  for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) counts.set(colour(x, y), (counts.get(colour(x, y)) ?? 0) + 1);
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const channels = (key: number) => [Math.floor(key / 65536) % 256, Math.floor(key / 256) % 256, key % 256];
  const [br, bg, bb] = channels(background);
  let differing = 0;
  let sampled = 0;
  for (const [key, count] of counts) {
    sampled += count;
    const [r, g, b] = channels(key);
    if (Math.abs(r! - br!) + Math.abs(g! - bg!) + Math.abs(b! - bb!) > 48) differing += count;
  }
  if (differing / sampled < minShare) throw new Error(`assertNotBlank: the picture (${width}×${height}) is blank: ${differing} of ${sampled} sampled pixels differ from its background`);
}

/** Writes `bytes` as test-output/<name> (git-ignored) to look at after the run; returns its path. */
export async function keepTestOutput(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(TEST_OUTPUT_DIR, name);
  if (!path.startsWith(TEST_OUTPUT_DIR + '/')) throw new Error(`keepTestOutput: ${name} is outside test-output/`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return path;
}

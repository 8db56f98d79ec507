// Pixel arithmetic on PNG screenshots (pngjs), so that a blank or unchanged map fails.
import { PNG } from 'pngjs';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Copies the part of `png` inside `box` (CSS pixels = device pixels at deviceScaleFactor 1). */
export function crop(png: PNG, box: Box): PNG {
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const w = Math.min(png.width - x0, Math.round(box.width));
  const h = Math.min(png.height - y0, Math.round(box.height));
  if (w <= 0 || h <= 0) throw new Error(`crop box ${JSON.stringify(box)} is outside the ${png.width}×${png.height} image`);
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * png.width + x0) * 4;
    png.data.copy(out.data, y * w * 4, from, from + w * 4);
  }
  return out;
}

export interface ImageStats {
  pixels: number;
  /** Distinct colours after quantising each channel to 5 bits. */
  distinctColours: number;
  /** Share (0–1) of the pixels taken by the most frequent quantised colour. */
  dominantShare: number;
  /** Standard deviation of luminance (0–255). */
  luminanceStdDev: number;
  /** Mean luminance (0–255). */
  luminanceMean: number;
}

export function imageStats(png: PNG): ImageStats {
  const counts = new Map<number, number>();
  const n = png.width * png.height;
  let sum = 0;
  let sumSq = 0;
  const d = png.data;
  for (let i = 0; i < n; i++) {
    const r = d[i * 4];
    const g = d[i * 4 + 1];
    const b = d[i * 4 + 2];
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += l;
    sumSq += l * l;
  }
  let max = 0;
  for (const c of counts.values()) max = Math.max(max, c);
  const mean = sum / n;
  return {
    pixels: n,
    distinctColours: counts.size,
    dominantShare: max / n,
    luminanceStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    luminanceMean: mean,
  };
}

/** Thresholds a map picture must pass to count as "something was drawn". */
export const NOT_BLANK = { minDistinctColours: 64, maxDominantShare: 0.6, minLuminanceStdDev: 12 };

/** Returns a list of reasons why the picture looks blank / near-uniform (empty = fine). */
export function blanknessProblems(stats: ImageStats): string[] {
  const problems: string[] = [];
  if (stats.distinctColours < NOT_BLANK.minDistinctColours)
    problems.push(`only ${stats.distinctColours} distinct colours (< ${NOT_BLANK.minDistinctColours})`);
  if (stats.dominantShare > NOT_BLANK.maxDominantShare)
    problems.push(`one colour covers ${(stats.dominantShare * 100).toFixed(1)} % (> ${NOT_BLANK.maxDominantShare * 100} %)`);
  if (stats.luminanceStdDev < NOT_BLANK.minLuminanceStdDev)
    problems.push(`luminance std-dev ${stats.luminanceStdDev.toFixed(1)} (< ${NOT_BLANK.minLuminanceStdDev})`);
  return problems;
}

export interface Diff {
  /** Share (0–1) of pixels whose largest channel difference exceeds the threshold. */
  changedShare: number;
  changed: number;
  /** Visualisation: changed pixels red over a faded copy of `a`. */
  image: PNG;
}

/** Compares two equally sized pictures; a pixel changed if a channel moved by > `threshold`. */
export function diffImages(a: PNG, b: PNG, threshold = 40): Diff {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`cannot compare ${a.width}×${a.height} with ${b.width}×${b.height}`);
  const image = new PNG({ width: a.width, height: a.height });
  let changed = 0;
  for (let i = 0; i < a.width * a.height; i++) {
    const o = i * 4;
    const delta = Math.max(
      Math.abs(a.data[o] - b.data[o]),
      Math.abs(a.data[o + 1] - b.data[o + 1]),
      Math.abs(a.data[o + 2] - b.data[o + 2]),
    );
    if (delta > threshold) {
      changed++;
      image.data[o] = 255;
      image.data[o + 1] = 0;
      image.data[o + 2] = 0;
    } else {
      const grey = (a.data[o] + a.data[o + 1] + a.data[o + 2]) / 3;
      image.data[o] = image.data[o + 1] = image.data[o + 2] = Math.round(160 + grey * 0.35);
    }
    image.data[o + 3] = 255;
  }
  return { changed, changedShare: changed / (a.width * a.height), image };
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png);
}

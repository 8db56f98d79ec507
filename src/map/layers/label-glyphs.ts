// Map: the glyph renderer of the label layers' font atlas. deck.gl's own SDF renderer places
// every glyph's ink at the pen and drops its side bearings, so a "j" (ink left of its origin)
// drifts right and romanised names read "Fan ji". This renderer keeps each glyph's origin at
// one fixed place in its image, so the advances alone space the text, as in any text engine.
import TinySDF from '@mapbox/tiny-sdf';

/** Room left of the origin (atlas pixels) for ink that reaches there: j, y, f in italic fonts. */
const PAD = 8;

interface AtlasProps {
  fontSize: number;
  buffer: number;
  radius: number;
  cutoff: number;
  fontFamily: string;
  fontWeight: string | number;
}

interface GlyphMetrics {
  advance: number;
  width: number;
  ascent: number;
  descent: number;
}

/** For TextLayer's `_getFontRenderer`: measure for the atlas layout, draw the SDF image. */
export function bearingAwareRenderer(props: AtlasProps) {
  const { fontSize, buffer, radius, cutoff, fontFamily } = props;
  const fontWeight = String(props.fontWeight);
  const sdf = new TinySDF({ fontSize, buffer, radius, cutoff, fontFamily, fontWeight });
  const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
  ctx.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
  return {
    measure(char?: string): GlyphMetrics {
      if (char === undefined) {
        const m = ctx.measureText('A');
        return { advance: 0, width: 0, ascent: Math.ceil(m.fontBoundingBoxAscent), descent: Math.ceil(m.fontBoundingBoxDescent) };
      }
      const m = ctx.measureText(char);
      // The atlas slot spans PAD left of the origin to the ink's right edge (plus the buffers
      // deck.gl adds either side), so the shifted image below always fits it.
      const width = PAD + Math.max(0, Math.ceil(m.actualBoundingBoxRight));
      return { advance: m.width, width, ascent: Math.ceil(m.actualBoundingBoxAscent), descent: Math.ceil(m.actualBoundingBoxDescent) };
    },
    draw(char: string): { data: ImageData; left: number; top: number } {
      const g = sdf.draw(char);
      const m = ctx.measureText(char);
      const width = buffer + PAD + Math.max(0, Math.ceil(m.actualBoundingBoxRight)) + buffer;
      // tiny-sdf puts the ink's left edge at `buffer` (origin at buffer − glyphLeft); move the
      // origin to buffer + PAD for every glyph.
      const shift = PAD + g.glyphLeft;
      const image = new ImageData(width, g.height);
      for (let y = 0; y < g.height; y++) {
        for (let x = 0; x < g.width; x++) {
          const nx = x + shift;
          if (nx < 0 || nx >= width) continue;
          image.data[4 * (y * width + nx) + 3] = g.data[y * g.width + x];
        }
      }
      return { data: image, left: buffer, top: buffer };
    },
  };
}

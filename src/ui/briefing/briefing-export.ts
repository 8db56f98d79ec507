// UI: the briefing sheet as a PNG (html-to-image) and as an A4-landscape PDF (jsPDF), both made
// in the browser — no outside service. jsPDF's standard fonts have no Chinese glyphs and a CJK
// font would weigh megabytes, so the PDF's first page is the sheet as an image and its second
// page (and its document properties) carry the key figures as plain ASCII text, the same lines
// kpiTextLines gives the cards' data-value, so that what is printed can be checked as text.
import { toCanvas } from 'html-to-image';

/** The SVG properties our stylesheet sets on chart parts (trend bars, line, axes, hatching). */
const SVG_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'visibility', 'display', 'font-size', 'font-family', 'font-weight'];

/**
 * html-to-image copies each HTML element's computed style into its copy, but an <svg> is copied
 * whole with cloneNode: its children keep their classes and lose the stylesheet, so the trend's
 * bars came out black. Their computed SVG properties are written into their style attributes for
 * the export (the same values, so the screen does not change); the returned function undoes it.
 */
function inlineSvgStyles(node: HTMLElement): () => void {
  const saved: Array<[SVGElement, string | null]> = [];
  for (const svg of node.querySelectorAll('svg')) {
    for (const el of svg.querySelectorAll<SVGElement>('*')) {
      const computed = getComputedStyle(el);
      saved.push([el, el.getAttribute('style')]);
      for (const p of SVG_PROPERTIES) el.style.setProperty(p, computed.getPropertyValue(p));
    }
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

/** Renders `node` to a canvas at `pixelRatio` (the map's WebGL canvases keep their drawing buffer). */
async function sheetCanvas(node: HTMLElement, pixelRatio: number): Promise<HTMLCanvasElement> {
  const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
  const restore = inlineSvgStyles(node);
  try {
    // skipFonts: the fonts are the machine's own; nothing to fetch or embed.
    // The sheet is centred by its margins on screen; the copy is drawn from its own corner.
    return await toCanvas(node, { pixelRatio, backgroundColor: bg, skipFonts: true, style: { margin: '0' }, filter: (n) => !(n instanceof HTMLElement && n.dataset.exportSkip === 'true') });
  } finally {
    restore();
  }
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task ran.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function briefingPng(node: HTMLElement): Promise<Blob> {
  const canvas = await sheetCanvas(node, 1);
  return new Promise((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error('the briefing could not be drawn as PNG'))), 'image/png'));
}

/** A4 landscape: the sheet fitted on page 1, the figures as text on page 2. */
export async function briefingPdf(node: HTMLElement, title: string, lines: string[]): Promise<Blob> {
  const [{ jsPDF }, canvas] = await Promise.all([import('jspdf'), sheetCanvas(node, 1.5)]);
  // compress: false keeps the text streams readable as they are (a reader or a test finds the figures).
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: false });
  const pageW = doc.internal.pageSize.getWidth();
  const pageH = doc.internal.pageSize.getHeight();
  const margin = 8;
  const scale = Math.min((pageW - 2 * margin) / canvas.width, (pageH - 2 * margin) / canvas.height);
  const w = canvas.width * scale;
  const h = canvas.height * scale;
  doc.addImage(canvas.toDataURL('image/jpeg', 0.9), 'JPEG', (pageW - w) / 2, margin, w, h);
  doc.addPage('a4', 'landscape');
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(14);
  doc.text('Key figures (as on screen)', margin, margin + 6);
  doc.setFontSize(10);
  lines.forEach((line, i) => doc.text(line, margin, margin + 16 + i * 6));
  doc.setProperties({ title, subject: lines.join('; '), creator: 'Safety One-Map', keywords: 'briefing' });
  return doc.output('blob');
}

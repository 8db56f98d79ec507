// UI: the briefing sheet as a PNG (html-to-image) and as an A4-landscape PDF (jsPDF), both made
// in the browser — no outside service. jsPDF's standard fonts have no Chinese glyphs and a CJK
// font would weigh megabytes, so the PDF's first page is the sheet as an image and its second
// page (and its document properties) carry the key figures as plain ASCII text, the same lines
// kpiTextLines gives the cards' data-value, so that what is printed can be checked as text.
import { toCanvas } from 'html-to-image';

/** Renders `node` to a canvas at `pixelRatio` (the map's WebGL canvases keep their drawing buffer). */
async function sheetCanvas(node: HTMLElement, pixelRatio: number): Promise<HTMLCanvasElement> {
  const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
  // skipFonts: the fonts are the machine's own; nothing to fetch or embed.
  // The sheet is centred by its margins on screen; the copy is drawn from its own corner.
  return toCanvas(node, { pixelRatio, backgroundColor: bg, skipFonts: true, style: { margin: '0' }, filter: (n) => !(n instanceof HTMLElement && n.dataset.exportSkip === 'true') });
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

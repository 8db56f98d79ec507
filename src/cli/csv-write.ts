// CLI: writing CSV text (RFC 4180 quoting, "\n" line ends).

/** A field quoted when it holds a comma, quote or line break. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: the header and rows, each line ending in "\n". */
export function csvText(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const out = [header.map(csvField).join(',')];
  for (const r of rows) out.push(r.map(csvField).join(','));
  return `${out.join('\n')}\n`;
}

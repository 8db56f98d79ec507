// quotedLineShare (csv-scan.ts) decides whether a CSV is read by papaparse in one go or split
// directly: checked against a plain line-by-line count on random files with and without quotes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedLineShare, readCsvHeader } from '../../src/io/csv-scan';

/** The share of the sampled body lines (first 64 KiB after the header) holding a quote, plainly. */
function plainShare(text: string, nl: string, dataStart: number): number {
  const end = Math.min(text.length, dataStart + (1 << 16));
  let lines = 0;
  let quoted = 0;
  for (let pos = dataStart; pos < end; ) {
    let eol = text.indexOf(nl, pos);
    if (eol < 0) eol = text.length;
    lines++;
    if (text.slice(pos, eol).includes('"')) quoted++;
    pos = eol + 1;
  }
  return lines === 0 ? 0 : quoted / lines;
}

describe('quotedLineShare', () => {
  it('equals a plain count of the lines with a quote', () => {
    const cell = fc.stringMatching(/^[a-z0-9 "]{0,6}$/);
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 60 }), fc.constantFrom('\n', '\r\n'), (lines, nl) => {
        const text = ['a,b,c', ...lines].join(nl);
        const layout = readCsvHeader(text);
        expect(quotedLineShare(text, layout)).toBeCloseTo(plainShare(text, layout.newline === '\r' ? '\r' : '\n', layout.dataStart), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('a quote beyond the 64 KiB sample does not count', () => {
    const body = Array.from({ length: 200_000 }, (_, i) => `${i},x,y`).join('\n');
    const text = `a,b,c\n${body}\n"q",1,2\n`;
    const layout = readCsvHeader(text);
    expect(quotedLineShare(text, layout)).toBe(0);
  });
});

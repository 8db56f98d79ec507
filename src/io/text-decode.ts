// IO (pure): bytes of a text file → a string, detecting UTF-8 (with or without BOM), UTF-16
// (by BOM) and GBK. Uses only the WHATWG TextDecoder (browser, worker and Node alike).

/** Encodings a caller may name. 'auto' detects (the default). */
export type TextEncodingOption = 'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The text and the encoding it was read in ('utf-8-bom' when a UTF-8 byte-order mark was skipped). */
export interface DecodedText {
  text: string;
  encoding: string;
}

const ENCODING_ALIASES: Record<string, TextEncodingOption> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/**
 * Normalises an encoding name given by a user (case-insensitive; utf8, gb2312 and cp936 are
 * accepted as aliases). Returns null for a name this importer does not read.
 */
export function parseEncodingName(name: string): TextEncodingOption | null {
  return ENCODING_ALIASES[name.trim().toLowerCase()] ?? null;
}

/**
 * Decodes a text file. With `encoding` 'auto' (default): a byte-order mark decides (UTF-8,
 * UTF-16LE/BE); otherwise the bytes are read as UTF-8 if they are valid UTF-8, else as GBK
 * (Chinese office software writes GBK as often as UTF-8, and GBK text is almost never valid
 * UTF-8). A named encoding is used as it is, without detection; a BOM of that encoding is
 * skipped. A leading U+FEFF is never part of the returned text.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingOption = 'auto'): DecodedText {
  if (encoding !== 'auto') {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text: stripBom(text), encoding };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: stripBom(new TextDecoder('utf-16le').decode(bytes)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: stripBom(new TextDecoder('utf-16be').decode(bytes)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

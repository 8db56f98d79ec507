// IO: why a dataset bundle could not be loaded, as data (file, kind, detail) so that the UI can
// say which file, why and what to do in the user's language; the English message stays for logs.

/**
 * What went wrong, from the user's point of view:
 * - `not-found`: HTTP 404 (the folder or the file is not on the server);
 * - `http`: any other HTTP error status;
 * - `network`: the request itself failed (server down, connection lost);
 * - `html`: the server answered a web page instead (a single-page-app fallback for a missing file);
 * - `invalid-json`: the text is not JSON (`detail.line`/`column` where the parser stopped);
 * - `manifest-fields`: manifest.json lacks required fields or has them wrong (`detail.fields`);
 * - `size`: incidents.bin does not have the size its incident count needs (`detail.*Bytes`);
 * - `invalid`: any other shape problem (not a FeatureCollection, wrong geometry, miscounted).
 */
export type LoadErrorKind = 'not-found' | 'http' | 'network' | 'html' | 'invalid-json' | 'manifest-fields' | 'size' | 'invalid';

/** Particulars of a {@link DatasetLoadError}; which ones are set depends on its kind. */
export interface LoadErrorDetail {
  /** The URL requested, as given to fetch. */
  url?: string;
  /** HTTP status (`not-found`, `http`). */
  status?: number;
  /** 1-based line and column where the JSON parser stopped (`invalid-json`), when it says. */
  line?: number;
  column?: number;
  /** Manifest fields missing or wrong, as dotted paths such as `files.grids` (`manifest-fields`). */
  fields?: string[];
  /** Bytes incidents.bin has, and the sizes its count allows with one- and two-byte codes (`size`). */
  actualBytes?: number;
  expectedBytes?: [number, number];
}

/** A bundle that cannot be loaded; `file` names the file at fault (as in manifest.files). */
export class DatasetLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly kind: LoadErrorKind = 'invalid',
    readonly detail: LoadErrorDetail = {},
  ) {
    super(`${file}: ${message}`);
    this.name = 'DatasetLoadError';
  }
}

/** The headers of a response, as far as the loader reads them. */
export interface HeadersLike {
  get(name: string): string | null;
}

/** Whether a response declares itself a web page (Content-Type text/html or XHTML). */
export function isHtmlContentType(headers: HeadersLike | undefined): boolean {
  const type = headers?.get('content-type')?.toLowerCase() ?? '';
  return type.startsWith('text/html') || type.startsWith('application/xhtml');
}

/** Whether JSON text is in fact markup: its first non-blank character is `<`. */
export function looksLikeHtmlText(text: string): boolean {
  return text.trimStart().startsWith('<');
}

/** Whether binary content starts like an HTML page (`<!doctype` or `<html`, any case). */
export function looksLikeHtmlBytes(bytes: ArrayBuffer): boolean {
  const head = new TextDecoder().decode(new Uint8Array(bytes, 0, Math.min(64, bytes.byteLength))).trimStart().toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html');
}

/**
 * Where a JSON parser stopped, 1-based: from "line L column C" (Firefox, newer V8) or from
 * "position P" (older V8, Safari) in its message; else (V8's "Unexpected token" names no place)
 * found by {@link jsonErrorOffset}. Undefined when the text is in fact valid.
 */
export function jsonErrorPosition(message: string, text: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/i.exec(message);
  const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
  if (offset === undefined) return undefined;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Offset of the first character at which `text` stops being JSON (RFC 8259), or undefined when it is JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

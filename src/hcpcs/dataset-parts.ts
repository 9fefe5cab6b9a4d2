/**
 * Where the parts of a dataset file are, in bytes: the header and the
 * modifiers (every lookup needs them), then the codes of each first letter.
 * The build computes this from the bundled file; a worker woken by one hover
 * reads the header and the one letter it needs with ranged reads, an eighth
 * of the file, instead of all of it (see background/dataset-parts-loader.ts).
 * Parts split at line ends, so the header and any letters, joined in file
 * order, read as a dataset of those records.
 */
export type ByteRange = readonly [start: number, end: number];

export interface DatasetParts {
  /** Lines 1–3 and every modifier. */
  head: ByteRange;
  /** The codes starting with each letter (A, B …), in file order. */
  letters: Readonly<Record<string, ByteRange>>;
  /** The whole file's length, to tell the parts from another file. */
  size: number;
}

const NEWLINE = 0x0a;
const TAB = 0x09;
const HEADER_LINES = 3;

export function datasetParts(bytes: Uint8Array): DatasetParts {
  let at = 0;
  for (let line = 0; line < HEADER_LINES; line++) at = bytes.indexOf(NEWLINE, at) + 1;
  const letters: Record<string, [number, number]> = {};
  let headEnd = at;
  while (at < bytes.length) {
    const end = bytes.indexOf(NEWLINE, at) + 1 || bytes.length;
    const codeLength = bytes.indexOf(TAB, at) - at;
    if (codeLength === 2 && Object.keys(letters).length === 0) headEnd = end;
    else {
      const letter = String.fromCharCode(bytes[at]!);
      const range = (letters[letter] ??= [at, end]);
      range[1] = end;
    }
    at = end;
  }
  return { head: [0, headEnd], letters, size: bytes.length };
}

/** The letters whose parts hold these codes (modifiers are in the head; CPT codes are in none). */
export function lettersOf(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const code of codes) if (code.length === 5 && code[0]! >= 'A' && code[0]! <= 'Z') out.add(code[0]!);
  return out;
}

/**
 * What no code of the extension may contain, in its sources or in what the
 * build emits: string evaluation (which the default extension CSP forbids
 * anyway, and which reviewers reject) and markup built from strings (page and
 * dataset text must only ever reach the DOM as text).
 */
export const FORBIDDEN_CODE: readonly RegExp[] = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\bFunction\s*\(\s*["'`]/,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML\s*\(/,
  /document\.write\s*\(/,
  /createContextualFragment\s*\(/,
];

/** `path: pattern` for each forbidden pattern a file's text holds. */
export function forbiddenCode(files: readonly { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) => FORBIDDEN_CODE.filter((re) => re.test(text)).map((re) => `${path}: ${re}`));
}

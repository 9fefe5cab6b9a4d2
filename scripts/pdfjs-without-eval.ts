/**
 * pdf.js's legacy build (the one that runs in every browser the extension
 * supports, src/pdf-viewer/pdf-engine.ts) bundles core-js, whose way of
 * finding the global object ends in `Function('return this')()`: string
 * evaluation, which the project forbids in anything it ships
 * (test/e2e/build-output.e2e.ts) and AMO's linter flags. It is the last of a
 * chain of checks that stops at the first, `globalThis`, which every
 * supported browser has, so it never runs; it is replaced by `globalThis`
 * all the same, so no string evaluation is shipped at all. The build fails
 * if pdf.js changes that line, so the rewrite can never silently stop.
 */
import type { Plugin } from 'vite';

const LEGACY_BUILD = /\/pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/;
const EVAL_FALLBACK = "Function('return this')()";

export function pdfjsWithoutEval(): Plugin {
  return {
    name: 'hcpcs-lens:pdfjs-without-eval',
    transform(code, id) {
      if (!LEGACY_BUILD.test(id)) return undefined;
      const count = code.split(EVAL_FALLBACK).length - 1;
      if (count !== 1) this.error(`${id}: expected core-js's ${EVAL_FALLBACK} once, found it ${count} times; see scripts/pdfjs-without-eval.ts`);
      return { code: code.replace(EVAL_FALLBACK, 'globalThis'), map: null };
    },
  };
}

/**
 * What counts as a code is decided in one place (src/hcpcs/code-pipeline.ts
 * and the core files it names): the extension's other code asks it, and
 * writes no code-shape pattern of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
const OUTSIDE_CORE = files(join(ROOT, 'src')).filter((p) => !p.includes('/src/hcpcs/')).map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
/** The detector's parts: only the pipeline reaches them. */
const DETECTOR = ['code-scan', 'code-shapes', 'modifier-chain', 'standalone-modifiers', 'context-rules', 'modifier-meaning', 'code-context', 'x12', 'field-role'];

describe('one pipeline', () => {
  it('the content script, worker, popup, options and PDF viewer reach the detector only through code-pipeline.ts', () => {
    const offences = OUTSIDE_CORE.flatMap(({ path, text }) => DETECTOR.filter((d) => new RegExp(`from '(?:\\.\\./)+hcpcs/${d}'`).test(text)).map((d) => `${path} imports hcpcs/${d}`));
    expect(offences).toEqual([]);
  });

  it('the content script writes no HCPCS code pattern of its own', () => {
    const offences = OUTSIDE_CORE.filter(({ path, text }) => path.startsWith('src/content/') && /\[A-V\]\\d\{4\}/.test(text)).map(({ path }) => path);
    expect(offences).toEqual([]);
  });
});

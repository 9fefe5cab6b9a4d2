/** Sections of the README that tests hold to the code: what it says must stay true. */
import { readFileSync } from 'node:fs';

const README = new URL('../../README.md', import.meta.url).pathname;

/** The text of the section headed `title` (## or ###), up to the next heading of the same or a higher level. */
export function readmeSection(title: string): string {
  const lines = readFileSync(README, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

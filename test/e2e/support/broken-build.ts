/**
 * Copies of the built extension with its dataset damaged, as a bad download,
 * a disk error or a packaging mistake would leave it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_DIST } from './chromium';

const DATASET = 'data/hcpcs-dataset.tsv';

export type Damage = 'missing' | 'empty' | 'truncated' | 'garbled record';

function damage(text: string, kind: Exclude<Damage, 'missing'>): string {
  switch (kind) {
    case 'empty':
      return '';
    case 'truncated':
      return text.slice(0, Math.floor(text.length / 2));
    case 'garbled record': {
      // One record in the middle loses its code: the header and the count still look right.
      const lines = text.split('\n');
      const middle = Math.floor(lines.length / 2);
      lines[middle] = `#${lines[middle]!.slice(7)}`;
      return lines.join('\n');
    }
  }
}

/** A copy of dist/chrome whose dataset is damaged; remove() deletes it. */
export function brokenBuild(kind: Damage): { dist: string; remove(): void } {
  const dist = mkdtempSync(join(tmpdir(), 'hcpcs-lens-broken-'));
  cpSync(CHROME_DIST, dist, { recursive: true });
  const file = join(dist, DATASET);
  if (kind === 'missing') unlinkSync(file);
  else writeFileSync(file, damage(readFileSync(file, 'utf8'), kind));
  return { dist, remove: () => rmSync(dist, { recursive: true, force: true }) };
}

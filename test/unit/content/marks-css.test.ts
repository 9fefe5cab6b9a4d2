/**
 * "Mark codes" paints through a ::highlight rule the manifest injects with the
 * content script (added later, it would restyle the whole page): the rule
 * must name the highlight the marker fills.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME } from '../../../src/content/page-marker';

const ROOT = new URL('../../../', import.meta.url);

describe('the mark codes stylesheet', () => {
  it('is injected with the content script and styles the marker’s highlight', () => {
    const manifest = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8')) as { content_scripts: { css?: string[] }[] };
    const sheets = manifest.content_scripts.flatMap((c) => c.css ?? []);
    expect(sheets).toEqual(['src/content/marks.css']);
    const css = readFileSync(new URL(sheets[0]!, ROOT), 'utf8');
    expect(css).toContain(`:root::highlight(${HIGHLIGHT_NAME})`);
  });
});

/**
 * "Codes on this page" for the popup: every HCPCS code this frame shows
 * (text, field values, chosen options, open shadow roots), with how often.
 * Counted in slices of at most a few milliseconds, so a huge page stays
 * responsive; only the codes found are returned, never the text around them.
 */
import type { CodeCandidate } from '../../hcpcs/code-pipeline';
import type { PageCode } from '../../common/messages';
import type { LookupClient } from '../lookup-client';
import type { PageScanner } from './page-scanner';

const SLICE_MS = 8;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function listPageCodes(doc: Document, client: LookupClient, host: Element | undefined, scanner: PageScanner): Promise<PageCode[]> {
  const { codesInText, findCodes, fieldText, isCodeField, isHiddenText, newScanContext, resolveCandidate, roleOfField, slices } = scanner;
  const candidates: CodeCandidate[] = [];
  const context = newScanContext();
  const roots: Node[] = [doc.documentElement];
  let started = performance.now();
  let visited = 0;
  for (let root = roots.pop(); root; root = roots.pop()) {
    const walker = (root.ownerDocument ?? doc).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const text = n as Text;
        if (!isHiddenText(text)) {
          for (const [from, to] of slices(text)) {
            for (const c of codesInText(text, context, from, to)) if (c.candidate.kind === 'hcpcs') candidates.push(c.candidate);
            // A huge node (a 10 MB file in one <pre>) yields between its slices too.
            if (to - from > 1024 && performance.now() - started > SLICE_MS) {
              await yieldToPage();
              started = performance.now();
            }
          }
        }
      } else {
        const el = n as Element;
        if (el.shadowRoot && el !== host) roots.push(el.shadowRoot);
        if (isCodeField(el)) for (const c of findCodes(fieldText(el), { role: roleOfField(el) })) if (c.kind === 'hcpcs') candidates.push(c);
      }
      if ((++visited & 255) === 0 && performance.now() - started > SLICE_MS) {
        await yieldToPage();
        started = performance.now();
      }
    }
  }
  // Resolved as a hover resolves them ("E1392XY" is no code), then counted by code.
  const { known } = await client.dictionaryFor(candidates);
  const counts = new Map<string, number>();
  for (const c of candidates) {
    const code = resolveCandidate(c, known)?.item.code;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}

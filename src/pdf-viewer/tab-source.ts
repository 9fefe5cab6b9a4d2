/**
 * The PDF of a tab, opened with "Open in HCPCS Lens": read again from the
 * address the browser loaded (one GET, with the user's cookies, only on that
 * explicit command). A portal may log it as a second access; the README's
 * privacy section says so. Where the address cannot give the file again the
 * answer is a sentence saying why, and the viewer offers the file picker.
 */
import { parseUrl, type Unreadable } from '../common/pdf-viewer-link';
import { looksLikePdf } from './load-pdf';

export type TabPdf = { ok: true; bytes: Uint8Array; name: string } | { ok: false; message: string };

const OPEN_HERE = 'open it here with “Open PDF…” or drop it on this page';
const PICK = `Save the PDF from the browser’s viewer, then ${OPEN_HERE}.`;

const UNREADABLE: Record<Unreadable, string> = {
  'local-file': `This PDF is a file on this computer, which the extension does not read by its address: ${OPEN_HERE}.`,
  private: `This PDF is open in a private window: reading it again from here would not use that window’s session. ${PICK}`,
  container: `This PDF is open in a container tab: reading it again from here would not use that container’s session. ${PICK}`,
  'not-web': `This tab does not show a PDF from a web address. ${PICK}`,
};

export function unreadableMessage(reason: string): string {
  return UNREADABLE[reason as Unreadable] ?? UNREADABLE['not-web'];
}

export function nameFromAddress(address: string): string {
  const last = parseUrl(address)?.pathname.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : 'PDF';
}

export async function readTabPdf(address: string): Promise<TabPdf> {
  const url = parseUrl(address);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { ok: false, message: UNREADABLE['not-web'] };
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', redirect: 'follow', cache: 'default' });
  } catch {
    return { ok: false, message: `The PDF could not be read again from its address (the site did not answer). ${PICK}` };
  }
  const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (!response.ok || !looksLikePdf(bytes)) {
    return {
      ok: false,
      message: `Read again, the address did not give a PDF${response.ok ? '' : ` (the site answered ${response.status})`}: it may have been a one-time link or the answer to a form. ${PICK}`,
    };
  }
  return { ok: true, bytes, name: nameFromAddress(address) };
}

/**
 * The PDF viewer page: wires the parts together. A PDF comes from the file
 * picker, a drop, or the tab it was opened from (?src=, see
 * common/pdf-viewer-link.ts); a file that cannot be opened gets a sentence
 * saying why and leaves the PDF already open as it was.
 */
import '../common/detail-view.css';
import '../common/page.css';
import './text-layer.css';
import './viewer.css';
import { applyTheme } from '../common/page-theme';
import { makeCopier } from '../popup/clipboard';
import { setUpCodesPanel } from './codes-panel';
import { scanDocumentCodes } from './document-codes';
import { DocumentText } from './document-text';
import { setUpFileOpen } from './file-open';
import { setUpFind } from './find-bar';
import { loadPdf } from './load-pdf';
import { PageList } from './page-list';
import { passwordPrompt } from './password-prompt';
import { startWorker, type PDFDocumentProxy } from './pdf-engine';
import { nameFromAddress, readTabPdf, unreadableMessage } from './tab-source';
import { setUpViewerControls } from './viewer-controls';
import { startViewerSession } from './viewer-session';

startWorker();
const session = startViewerSession(window);
const markBox = document.getElementById('mark-codes') as HTMLInputElement;
session.onSettings((settings) => {
  applyTheme(document, settings.theme);
  markBox.checked = session.marking;
});
markBox.addEventListener('change', () => session.setMarking(markBox.checked));

const message = document.getElementById('message')!;
const say = (text: string, kind: 'info' | 'problem' = 'info') => {
  message.textContent = text;
  message.dataset.kind = kind;
};

const pages = new PageList(document.getElementById('pages')!, document.getElementById('scroller')!, (n) => controls.pageChanged(n));
const controls = setUpViewerControls(document, pages);
const find = setUpFind(document, pages);
const codes = setUpCodesPanel(document, pages, makeCopier(document));
const passwords = passwordPrompt(document);

let open: { pdf: PDFDocumentProxy; scan: AbortController } | undefined;
let opening = 0;

async function openBytes(bytes: Uint8Array, name: string): Promise<void> {
  const run = ++opening;
  document.body.dataset.state = 'loading';
  say(`Opening ${name}…`);
  const loaded = await loadPdf(bytes, passwords);
  // Another file was chosen meanwhile: that one is shown.
  if (run !== opening) {
    if (loaded.ok) void loaded.pdf.loadingTask.destroy();
    return;
  }
  if (!loaded.ok) {
    document.body.dataset.state = open ? 'open' : 'error';
    say(open ? `${loaded.message} The PDF open before is still shown.` : loaded.message, 'problem');
    return;
  }
  open?.scan.abort();
  pages.clear();
  void open?.pdf.loadingTask.destroy();
  const { pdf } = loaded;
  open = { pdf, scan: new AbortController() };
  document.getElementById('file-name')!.textContent = name;
  document.title = `${name} — HCPCS Lens`;
  say('');
  codes.clear();
  await pages.show(pdf, controls.scale());
  controls.opened(pdf.numPages);
  document.body.dataset.state = 'open';
  const text = new DocumentText(pdf);
  find.use(text);
  const { signal } = open.scan;
  // The first page first: reading the whole file shares pdf.js's worker with drawing it.
  await pages.ensureDrawn(1);
  if (signal.aborted) return;
  const scan = await scanDocumentCodes(text, session.client, (page) => codes.scanning(page, pdf.numPages), signal).catch((e: unknown) => {
    say(`The codes of this PDF could not be listed: ${e instanceof Error ? e.message : String(e)}`, 'problem');
    return undefined;
  });
  if (!scan || signal.aborted) return;
  codes.show(scan);
  if (scan.textLength === 0) say('No text found in this PDF (it may be a scanned image), so no codes can be found in it.', 'problem');
}

/** A bug, not a bad file (those get their own sentence): still said, and the viewer goes on. */
const failed = (error: unknown) => {
  document.body.dataset.state = open ? 'open' : 'error';
  say(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`, 'problem');
};

setUpFileOpen(document, (bytes, name) => void openBytes(bytes, name).catch(failed));

/** Opened for a tab's PDF: read it again from its address, or say why it cannot be. */
async function openFromTab(params: URLSearchParams): Promise<void> {
  const src = params.get('src');
  if (!src) return;
  const reason = params.get('unreadable');
  if (reason) {
    document.body.dataset.state = 'error';
    return say(unreadableMessage(reason), 'problem');
  }
  document.body.dataset.state = 'loading';
  say(`Reading ${nameFromAddress(src)} again from its address…`);
  const read = await readTabPdf(src);
  if (!read.ok) {
    document.body.dataset.state = 'error';
    return say(read.message, 'problem');
  }
  await openBytes(read.bytes, read.name);
}

document.body.dataset.state = 'empty';
void openFromTab(new URLSearchParams(location.search)).catch(failed);

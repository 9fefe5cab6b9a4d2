/**
 * From bytes to an open PDF, or to a sentence saying why not: not a PDF,
 * damaged or cut short, protected by a password the user does not give.
 * The password is asked for in the page (password-prompt.ts) and used only
 * to open the file; it is not kept.
 */
import { InvalidPDFException, openPdf, PasswordException, PasswordResponses, type PDFDocumentProxy } from './pdf-engine';

export type Loaded = { ok: true; pdf: PDFDocumentProxy } | { ok: false; message: string };

export interface PasswordAsker {
  /** The password, or undefined if the user gave up. `again`: the last one was wrong. */
  ask(again: boolean): Promise<string | undefined>;
}

/** How a PDF file starts (ISO 32000-1, 7.5.2). */
const PDF_HEADER = '%PDF-';

export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_HEADER.length && String.fromCharCode(...bytes.subarray(0, PDF_HEADER.length)) === PDF_HEADER;
}

const DAMAGED = 'This PDF is damaged or incomplete (perhaps cut short while downloading): it cannot be read.';

export const NOT_A_PDF = 'This file is not a PDF: it does not start the way every PDF starts (%PDF-).';

export async function loadPdf(bytes: Uint8Array, passwords: PasswordAsker): Promise<Loaded> {
  if (bytes.length === 0) return { ok: false, message: 'This file is empty.' };
  if (!looksLikePdf(bytes)) return { ok: false, message: NOT_A_PDF };
  const task = openPdf(bytes);
  let gaveUp = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    void passwords.ask(reason === PasswordResponses.INCORRECT_PASSWORD).then((password) => {
      if (password === undefined) {
        gaveUp = true;
        void task.destroy();
      } else {
        update(password);
      }
    });
  };
  try {
    const pdf = await task.promise;
    // pdf.js rebuilds what it can of a damaged file; one without a readable first page is not a PDF to show.
    if (pdf.numPages === 0 || !(await pdf.getPage(1).then(() => true, () => false))) {
      void task.destroy();
      return { ok: false, message: DAMAGED };
    }
    return { ok: true, pdf };
  } catch (error) {
    if (gaveUp || error instanceof PasswordException) {
      return { ok: false, message: 'This PDF is protected by a password. It cannot be opened without it; open it again to enter the password.' };
    }
    if (error instanceof InvalidPDFException) return { ok: false, message: DAMAGED };
    return { ok: false, message: `This PDF could not be opened: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * A drop zone for one file, and the only place on the page a file can be
 * dropped. A file dropped anywhere else is opened by the browser (Chromium
 * opens it in a new tab or downloads a zip; Firefox loads it in place of the
 * page), so the page takes every file drag itself and refuses it outside the
 * zone. Drags of text (into the site list) keep the browser's own handling.
 */

export interface FileDropHandlers {
  /** Whether the zone takes a file now (loading a release can be turned off). */
  enabled(): boolean;
  file(file: File): void;
  /** A drop the zone cannot take: why, in a sentence. */
  refuse(message: string): void;
}

/** The class the zone wears while a file is dragged over it. */
export const DRAG_OVER_CLASS = 'is-over';

export function acceptFileDrops(zone: HTMLElement, handlers: FileDropHandlers): void {
  const doc = zone.ownerDocument;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  const inZone = (target: EventTarget | null) => target instanceof Node && zone.contains(target);
  const highlight = (on: boolean) => zone.classList.toggle(DRAG_OVER_CLASS, on);

  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Cancelling dragover is what stops the browser opening the file; "none" shows the user it cannot land here.
    // Over the zone the browser's own choice stands: a source that offers only "move" must still drop.
    event.preventDefault();
    const takes = inZone(event.target) && handlers.enabled();
    if (!takes) event.dataTransfer!.dropEffect = 'none';
    highlight(takes);
  };
  doc.addEventListener('dragenter', over);
  doc.addEventListener('dragover', over);
  doc.addEventListener('dragleave', (event) => {
    // Moving onto the zone's own button or text is not leaving it; leaving the window (no related target) is.
    if (!inZone(event.relatedTarget)) highlight(false);
  });
  doc.addEventListener('dragend', () => highlight(false));
  doc.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    highlight(false);
    if (!inZone(event.target) || !handlers.enabled()) return;
    const message = refusal(event.dataTransfer!);
    if (message) handlers.refuse(message);
    else handlers.file(event.dataTransfer!.files[0]!);
  });
}

/** Why a drop is not one file the converter can read, or undefined if it is. */
function refusal(data: DataTransfer): string | undefined {
  const { files } = data;
  if (files.length === 0) return 'the drop held no file. Drop the CMS zip itself, or its .txt or .xlsx file.';
  const names = [...files].map((f) => f.name).join(', ');
  if (files.length > 1) return `${files.length} files were dropped (${names}); drop one: the CMS zip, or its .txt or .xlsx file.`;
  // A folder arrives as a File that cannot be read; say so instead of a read error.
  const entry = data.items[0]?.webkitGetAsEntry?.();
  if (entry?.isDirectory) return `${names} is a folder: drop the CMS zip itself, or the .txt or .xlsx file in it.`;
  return undefined;
}

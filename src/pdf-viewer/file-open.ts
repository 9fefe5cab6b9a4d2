/**
 * A local PDF, from the file picker or dropped on the viewer: read in this
 * page with File.arrayBuffer, never sent anywhere.
 */
export function setUpFileOpen(doc: Document, open: (bytes: Uint8Array, name: string) => void): void {
  const input = doc.getElementById('file-input') as HTMLInputElement;
  const read = async (file: File) => open(new Uint8Array(await file.arrayBuffer()), file.name);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void read(file);
    // The same file chosen again (after fixing it, or another password) is a change too.
    input.value = '';
  });
  const body = doc.body;
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
  body.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    // Cancelling dragover lets the drop land here. The browser's own drop effect stands: a source that offers only
    // "move" (some mail clients' attachments) must still drop.
    e.preventDefault();
    body.classList.add('dragging');
  });
  body.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) body.classList.remove('dragging');
  });
  body.addEventListener('drop', (e) => {
    body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    // Without this the browser would navigate to the dropped file.
    e.preventDefault();
    void read(file);
  });
}

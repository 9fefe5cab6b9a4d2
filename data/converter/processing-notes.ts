/**
 * Reads the processing notes CMS ships beside the release (proc_notes_*.txt):
 * free text, each note opening with "NNNN--", a right-hand border of "*".
 */
import { ReleaseError } from './release-error';

const NOTE_START = /^\s*(\d{4})--\s*(.*)$/;

export function parseProcessingNotes(file: string, text: string): Record<string, string> {
  const notes: Record<string, string> = {};
  let current: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\*\s*$/, '').trim();
    const start = NOTE_START.exec(line);
    if (start) {
      current = start[1]!;
      if (notes[current] !== undefined) throw new ReleaseError(file, `line ${index + 1}`, `processing note ${current} appears twice`);
      notes[current] = start[2]!.trim();
    } else if (!line || /^[_\s]+$/.test(line)) {
      current = undefined;
    } else if (current) {
      notes[current] = `${notes[current]} ${line}`.trim();
    }
  });
  if (Object.keys(notes).length === 0) throw new ReleaseError(file, undefined, 'no processing notes found');
  return notes;
}

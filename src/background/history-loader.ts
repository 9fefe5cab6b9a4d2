/**
 * The history of changes the worker builds tooltips with: the bundled
 * changes part (data/hcpcs-changes.tsv, ~65 KB) unless the import gives
 * another source (the history stored with a loaded release). Read once per
 * worker life, alongside the dataset; opening it reads only the step lines
 * (change-history.ts), so a cold start pays well under a millisecond.
 *
 * A history that cannot be read costs the tooltips their "changed" lines,
 * never the tooltip: the worker answers without it and says why in its log.
 */
import { ChangeHistory } from '../hcpcs/change-history';

export const CHANGES_PATH = 'data/hcpcs-changes.tsv';

export interface HistoryLoader {
  /** The history; ChangeHistory.EMPTY when it cannot be read. */
  get(): Promise<ChangeHistory>;
  /** Forgets the history read, so the next get() reads the source again (after a release is loaded). */
  reset(): void;
  /** A code's lines were found damaged while answering: answer without the history from now on. */
  discard(error: unknown): void;
}

export function createHistoryLoader(readText: () => Promise<string>): HistoryLoader {
  let loading: Promise<ChangeHistory> | undefined;
  return {
    get() {
      loading ??= readText().then(
        (text) => ChangeHistory.fromText(text),
        (error: unknown) => unavailable(error),
      ).catch(unavailable);
      return loading;
    },
    reset() {
      loading = undefined;
    },
    discard(error) {
      loading = Promise.resolve(unavailable(error));
    },
  };
}

function unavailable(error: unknown): ChangeHistory {
  console.warn(`HCPCS Lens: the history of changes cannot be read (${error instanceof Error ? error.message : String(error)}); tooltips show no changes.`);
  return ChangeHistory.EMPTY;
}

/** The bundled changes part, read from the extension's own files. */
export async function readBundledChanges(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

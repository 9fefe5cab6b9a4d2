/** Two CMS releases → the "changes" part the extension bundles (what changed from the older to the newer). */
import type { Dataset } from '../../src/hcpcs/dataset';
import { encodeHistory } from '../../src/hcpcs/history-format';
import { releaseLabel } from '../../src/hcpcs/release';
import { historyStep } from '../../src/hcpcs/release-history';
import { convertRelease } from './convert-release';
import { ReleaseError } from './release-error';
import { findReleaseFiles } from './release-files';

export interface ReleaseChanges {
  before: Dataset;
  after: Dataset;
  /** The history text (src/hcpcs/history-format.ts) with the one step before → after. */
  text: string;
}

/** Each input is what `npm run data:build` takes: a release file, a CMS zip, or a folder. */
export async function releaseChanges(older: string, newer: string): Promise<ReleaseChanges> {
  const [before, after] = await Promise.all([older, newer].map(async (input) => (await convertRelease(findReleaseFiles(input))).dataset));
  if (before!.release.effective >= after!.release.effective) {
    throw new ReleaseError(older, undefined, `${releaseLabel(before!.release)} is not older than ${releaseLabel(after!.release)} (${newer})`);
  }
  return { before: before!, after: after!, text: encodeHistory({ steps: [historyStep(before!, after!)] }) };
}

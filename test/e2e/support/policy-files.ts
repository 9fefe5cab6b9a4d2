/**
 * Real enterprise policy files, where the browsers on this machine read them:
 * Debian's Chromium reads /etc/chromium/policies/managed/*.json (and watches
 * it: a change reaches the running browser); Firefox ESR reads
 * <install dir>/distribution/policies.json once, at start. Writing them needs
 * root. Each file names one extension id only, and is removed as soon as the
 * test is done with it: other test runs on this machine share these folders.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'vitest';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Where this machine's policy folder cannot be written: why, or undefined when it can. */
export function cannotWrite(dir: string): string | undefined {
  let existing = dir;
  while (!existsSync(existing)) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return undefined;
  } catch {
    return `${dir} cannot be written by this user (uid ${process.getuid?.()}); enterprise policies need root`;
  }
}

/**
 * describe() when the policy folder can be written; otherwise says why and
 * skips, except in CI, where a skipped policy test is a failure.
 */
export function describeWithPolicies(name: string, dir: string, body: () => void): void {
  const reason = cannotWrite(dir);
  if (!reason) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => it('can write the policy file (CI runs as root)', () => {
      throw new Error(reason);
    }));
    return;
  }
  console.warn(`Skipping "${name}": ${reason}.`);
  describe.skip(name, body);
}

export interface PolicyFile {
  path: string;
  /** The extension's own policy; `browserSettings`, the browser's ExtensionSettings entry for the same id. */
  write(policy: object, browserSettings?: object): void;
  remove(): void;
}

/** A Chromium policy file of its own, giving `extensionId` the policy (3rdparty → extensions → id), and no other extension anything. */
export function chromiumPolicyFile(extensionId: string): PolicyFile {
  const path = join(CHROMIUM_POLICY_DIR, `hcpcs-lens-e2e-${extensionId}-${process.pid}.json`);
  return {
    path,
    write(policy, browserSettings) {
      mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
      const file = { ...(browserSettings ? { ExtensionSettings: { [extensionId]: browserSettings } } : {}), '3rdparty': { extensions: { [extensionId]: policy } } };
      // Written whole beside the folder, then moved in: the browser's file watcher never reads half a file.
      const draft = join(dirname(CHROMIUM_POLICY_DIR), `.hcpcs-lens-e2e-${process.pid}.draft`);
      writeFileSync(draft, JSON.stringify(file, null, 2));
      renameSync(draft, path);
    },
    remove: () => rmSync(path, { force: true }),
  };
}

/** The distribution folder of the Firefox installed at `firefoxBinary` (/usr/bin/firefox-esr → /usr/lib/firefox-esr). */
export function firefoxDistributionDir(firefoxBinary: string): string {
  const real = realpathSync(firefoxBinary);
  // Debian's /usr/bin/firefox-esr is a link to the launcher in the install directory.
  return join(dirname(real), 'distribution');
}

/**
 * Firefox's policies.json, giving `geckoId` the policy (3rdparty → Extensions
 * → id). Firefox reads one policies.json per installation, so a file already
 * there is kept and given back untouched by remove().
 */
export function firefoxPoliciesFile(distributionDir: string, geckoId: string): PolicyFile {
  const path = join(distributionDir, 'policies.json');
  const before = existsSync(path) ? readFileSync(path) : undefined;
  return {
    path,
    write(policy) {
      const existing = before ? (JSON.parse(before.toString('utf8')) as { policies?: Record<string, unknown> }) : {};
      const policies = { ...(existing.policies ?? {}) };
      const thirdParty = { ...((policies['3rdparty'] as Record<string, unknown>) ?? {}) };
      thirdParty.Extensions = { ...((thirdParty.Extensions as Record<string, unknown>) ?? {}), [geckoId]: policy };
      policies['3rdparty'] = thirdParty;
      mkdirSync(distributionDir, { recursive: true });
      writeFileSync(path, JSON.stringify({ ...existing, policies }, null, 2));
    },
    remove() {
      if (before) writeFileSync(path, before);
      else rmSync(path, { force: true });
    },
  };
}

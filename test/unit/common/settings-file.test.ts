import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, toStored } from '../../../src/common/settings';
import { readSettingsFile, settingsFileText } from '../../../src/common/settings-file';

describe('settings file', () => {
  it('round-trips the values the user changed, leaving out whether this browser syncs', () => {
    const settings = { ...DEFAULT_SETTINGS, detailLevel: 'full' as const, sites: ['portal.example.com'], syncSettings: true };
    const text = settingsFileText(toStored(settings), new Date('2026-03-01T12:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'hcpcs-lens-settings',
      version: 1,
      exported: '2026-03-01T12:00:00.000Z',
      changed: { detailLevel: 'full', sites: ['portal.example.com'] },
    });
    const imported = readSettingsFile(text);
    expect(imported.ok && imported.read.settings).toEqual({ ...settings, syncSettings: false });
    expect(imported.ok && imported.read.stored.changed).toEqual({ detailLevel: 'full', sites: ['portal.example.com'] });
  });

  it('refuses files that are not settings files, with a sentence saying so', () => {
    expect(readSettingsFile('not json')).toEqual({ ok: false, error: 'This file is not an HCPCS Lens settings file (it is not JSON).' });
    expect(readSettingsFile('{"version":1,"changed":{}}')).toEqual({ ok: false, error: 'This file is not an HCPCS Lens settings file.' });
    expect(readSettingsFile(' '.repeat(300_000))).toMatchObject({ ok: false });
  });

  it('imports a damaged file with its bad values at their defaults, and says which', () => {
    const result = readSettingsFile('{"format":"hcpcs-lens-settings","version":1,"changed":{"theme":"dark","hoverDelayMs":"fast"}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.read.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(result.read.problems).toEqual(['invalid value for "hoverDelayMs" replaced by the default']);
  });
});

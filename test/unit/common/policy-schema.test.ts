/**
 * The managed schema Chrome reads and the settings model agree: every
 * setting has a policy key of its type, and every value the schema lets
 * through Chrome's check is one the settings checks accept (and the edges it
 * refuses, they refuse too).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_EXTENSION_KEY } from '../../../scripts/dev-extension-key';
import { readPolicy } from '../../../src/common/policy-read';
import { LOCKED_SETTINGS_KEY, managedSchema, ORGANIZATION_KEY } from '../../../src/common/policy-schema';
import { DEFAULT_SETTINGS, isValidSetting, type SettingKey } from '../../../src/common/settings';
import { readmeSection } from '../../support/readme';

const schema = managedSchema();
const properties = schema.properties!;
const settingKeys = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

describe('managed schema', () => {
  it('is a top-level object of policies, as Chrome requires (no additionalProperties, one type each)', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    for (const [key, entry] of Object.entries(properties)) expect(entry.type, key).toMatch(/^(boolean|string|integer|array|object)$/);
  });

  it('has a policy key for every setting, and no key that is neither a setting nor LockedSettings/OrganizationName', () => {
    // A setting added to DEFAULT_SETTINGS without a policy fails here (and does not compile).
    expect(settingKeys.filter((key) => !Object.hasOwn(properties, key))).toEqual([]);
    expect(Object.keys(properties).filter((key) => !Object.hasOwn(DEFAULT_SETTINGS, key))).toEqual([LOCKED_SETTINGS_KEY, ORGANIZATION_KEY]);
    expect(settingKeys).toEqual(expect.arrayContaining(['allowReleaseImport', 'checkDateOfService', 'syncSettings', 'siteMode', 'sites']));
  });

  it('gives each setting the type of its default, and accepts the default', () => {
    for (const key of settingKeys) {
      const value = DEFAULT_SETTINGS[key];
      const type = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'integer' : typeof value;
      expect(properties[key]!.type, key).toBe(type);
      if (properties[key]!.enum) expect(properties[key]!.enum, key).toContain(value);
    }
  });

  it('lets through only what the settings checks accept, at every enum value and range edge', () => {
    for (const key of settingKeys) {
      const entry = properties[key]!;
      for (const value of entry.enum ?? []) expect(isValidSetting(key, value), `${key} ${value}`).toBe(true);
      if (entry.enum) expect(isValidSetting(key, 'not-one-of-them'), key).toBe(false);
      if (entry.type === 'integer') {
        expect(isValidSetting(key, entry.minimum), key).toBe(true);
        expect(isValidSetting(key, entry.maximum), key).toBe(true);
        expect(isValidSetting(key, entry.minimum! - 1), key).toBe(false);
        expect(isValidSetting(key, entry.maximum! + 1), key).toBe(false);
      }
      if (entry.type === 'boolean') expect([isValidSetting(key, true), isValidSetting(key, false), isValidSetting(key, 'true')], key).toEqual([true, true, false]);
    }
  });

  it('describes every policy for the admin consoles that show it', () => {
    for (const [key, entry] of Object.entries(properties)) expect(entry.description, key).toMatch(/\S/);
  });
});

describe('development extension id', () => {
  it('is the id Chrome derives from the development key: SHA-256 of the public key, first 32 hex digits as a-p', () => {
    const hex = createHash('sha256').update(Buffer.from(DEV_EXTENSION_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe(DEV_EXTENSION_ID);
  });
});

describe('README "For IT"', () => {
  const section = readmeSection('For IT');

  it('lists every policy key, each setting with its built-in default', () => {
    const rows = new Map(
      section
        .split('\n')
        .map((line) => /^\| `([^`]+)` \|(?:[^|]*\|){2} ([^|]+) \|$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => [m[1]!, m[2]!.trim()]),
    );
    expect([...rows.keys()].sort()).toEqual(Object.keys(properties).sort());
    for (const key of settingKeys) {
      const value = DEFAULT_SETTINGS[key];
      expect(rows.get(key), key).toBe(Array.isArray(value) && value.length === 0 ? 'none' : `\`${String(value)}\``);
    }
  });

  it('gives examples the extension reads without a single problem, for the id it names', () => {
    const blocks: unknown[] = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    const at = (value: unknown, ...path: string[]) => path.reduce((v, key) => (v as Record<string, unknown>)[key], value);
    const policies = [
      at(blocks[0], '3rdparty', 'extensions', DEV_EXTENSION_ID),
      // The Admin console's form: Chrome hands the values over unwrapped.
      Object.fromEntries(Object.entries(blocks[1] as Record<string, unknown>).map(([key, wrapped]) => [key, at(wrapped, 'Value')])),
      at(blocks[2], 'policies', '3rdparty', 'Extensions', 'hcpcs-lens@hcpcs-lens.example'),
    ];
    expect(blocks).toHaveLength(3);
    expect(Object.keys(at(blocks[0], 'ExtensionSettings') as object)).toEqual([DEV_EXTENSION_ID]);
    for (const policy of policies) {
      const read = readPolicy(policy);
      expect(read.problems).toEqual([]);
      expect(read.locked).toEqual(['siteMode', 'sites', 'syncSettings']);
      expect(read.organization).toBe('Acme Billing');
    }
  });
});

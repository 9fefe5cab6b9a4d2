/**
 * The managed schema Chrome reads and the settings model agree: every
 * setting has a policy key of its type, and every value the schema lets
 * through Chrome's check is one the settings checks accept (and the edges it
 * refuses, they refuse too).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_EXTENSION_KEY } from '../../../scripts/dev-extension-key';
import { LOCKED_SETTINGS_KEY, managedSchema, ORGANIZATION_KEY } from '../../../src/common/policy-schema';
import { DEFAULT_SETTINGS, isValidSetting, type SettingKey } from '../../../src/common/settings';

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

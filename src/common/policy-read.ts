/**
 * Reads an organisation's policy as storage.managed hands it over. Firefox
 * has no managed schema and passes on whatever policies.json holds, and
 * Chrome passes on what its schema cannot check (a host pattern, a list's
 * length): each value is checked here with the same checks as stored
 * settings. A bad value is ignored on its own and named, never fatal. The
 * worker reads the policy once and keeps the result for every context
 * (background/policy-mirror.ts).
 */
import { normaliseHostPattern } from './host-pattern';
import { NO_POLICY, type Policy } from './policy';
import { LOCKED_SETTINGS_KEY, ORGANIZATION_KEY, SETTING_POLICIES, type PolicySchema } from './policy-schema';
import { DEFAULT_SETTINGS, isValidSetting, MAX_SITES, type SettingKey, type Settings } from './settings';

const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(DEFAULT_SETTINGS, key);

const MAX_ORGANIZATION_LENGTH = 100;

/** What a policy value must be, in words, derived from the schema Chrome checks against. */
export function expectedValue(key: SettingKey): string {
  const schema: PolicySchema = SETTING_POLICIES[key];
  if (schema.enum) return `one of ${schema.enum.map((v) => `"${v}"`).join(', ')}`;
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'integer') return `a whole number from ${schema.minimum} to ${schema.maximum}`;
  if (key === 'sites') return `a list of at most ${MAX_SITES} host names or patterns`;
  return `a ${schema.type}`;
}

/** A policy value as the settings checks expect it: site patterns trimmed and lower-cased as a user's would be. */
function normalise(key: SettingKey, value: unknown): unknown {
  if (key === 'sites' && Array.isArray(value)) return value.map((s) => (typeof s === 'string' ? normaliseHostPattern(s) : s));
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Reads storage.managed as it came: anything at all, never throws. */
export function readPolicy(raw: unknown): Policy {
  if (raw === undefined || raw === null) return NO_POLICY;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ...NO_POLICY, problems: ['The policy is not an object: it was ignored.'] };
  const values: Partial<Settings> = {};
  const problems: string[] = [];
  let locked: SettingKey[] = [];
  let organization: string | undefined;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === LOCKED_SETTINGS_KEY) {
      if (!Array.isArray(value)) {
        problems.push(`${LOCKED_SETTINGS_KEY}: ${describe(value)} is not a list of setting names; no setting is locked.`);
        continue;
      }
      for (const name of value) {
        if (typeof name === 'string' && isSettingKey(name)) locked.push(name);
        else problems.push(`${LOCKED_SETTINGS_KEY}: ${describe(name)} is not a setting, so it locks nothing.`);
      }
    } else if (key === ORGANIZATION_KEY) {
      const name = typeof value === 'string' ? value.trim() : '';
      if (name && name.length <= MAX_ORGANIZATION_LENGTH) organization = name;
      else problems.push(`${ORGANIZATION_KEY}: ${describe(value)} is not a name of 1 to ${MAX_ORGANIZATION_LENGTH} characters.`);
    } else if (isSettingKey(key)) {
      const checked = normalise(key, value);
      if (isValidSetting(key, checked)) (values as Record<string, unknown>)[key] = checked;
      else problems.push(`${key}: ${describe(value)} is not ${expectedValue(key)}, so it was ignored.`);
    } else {
      problems.push(`${key}: not a setting of HCPCS Lens, so it was ignored.`);
    }
  }
  locked = [...new Set(locked)];
  return { values, locked, organization, problems };
}

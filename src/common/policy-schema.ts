/**
 * The policies an organisation's IT may set: one flat key per setting (named
 * as the setting), plus LockedSettings and OrganizationName. Chrome and Edge
 * read this schema from the package (`storage.managed_schema`, written by the
 * build as managed-schema.json) and drop values that fail it; Firefox has no
 * schema, so common/policy.ts checks every value itself with the same checks
 * as stored settings.
 *
 * Only attributes Chrome's policy schema understands: type, title,
 * description, enum, minimum, maximum, items, properties.
 */
import { DETAIL_LEVELS } from '../hcpcs/detail-level';
import { HOVER_DELAY_RANGE, SITE_MODES, THEMES, TRIGGERS, type SettingKey } from './settings';

export interface PolicySchema {
  type: 'boolean' | 'string' | 'integer' | 'array' | 'object';
  title?: string;
  description?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  items?: PolicySchema;
  properties?: Record<string, PolicySchema>;
}

export const LOCKED_SETTINGS_KEY = 'LockedSettings';
export const ORGANIZATION_KEY = 'OrganizationName';

const bool = (title: string, description: string): PolicySchema => ({ type: 'boolean', title, description });

/** One entry per setting: a setting added without its policy is a compile error here. */
export const SETTING_POLICIES: { readonly [K in SettingKey]: PolicySchema } = {
  enabled: bool('HCPCS Lens is on', 'false turns tooltips and marking off on every site.'),
  detailLevel: { type: 'string', enum: DETAIL_LEVELS, title: 'Detail level', description: 'How much a tooltip shows: brief, standard or full.' },
  hoverDelayMs: {
    type: 'integer',
    minimum: HOVER_DELAY_RANGE.min,
    maximum: HOVER_DELAY_RANGE.max,
    title: 'Hover delay (ms)',
    description: `How long the pointer rests on a code before the tooltip shows, ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max} ms.`,
  },
  trigger: { type: 'string', enum: TRIGGERS, title: 'Trigger', description: 'hover, or a key held while the pointer rests on a code: alt, ctrl or shift.' },
  markCodes: bool('Mark codes on the page', 'true underlines every recognised code.'),
  theme: { type: 'string', enum: THEMES, title: 'Theme', description: 'system, light or dark.' },
  siteMode: { type: 'string', enum: SITE_MODES, title: 'Site rule mode', description: 'all-except: every site but those in sites; only-listed: only the sites in sites.' },
  sites: {
    type: 'array',
    items: { type: 'string' },
    title: 'Sites',
    description: 'Host names or patterns (portal.example.com, *.payer.example, intranet:8443), at most 200.',
  },
  syncSettings: bool('Sync settings', 'Whether settings sync to the user\u2019s other browsers; lock it to false to keep them on this computer.'),
  allowReleaseImport: bool('Loading a CMS release allowed', 'false stops users loading a CMS release file other than the bundled one.'),
  checkDateOfService: bool('Date-of-service check', 'Whether codes are checked against the date of service on the page.'),
};

/** The schema Chrome reads: every setting, the lock list, the organisation's name. */
export function managedSchema(): PolicySchema {
  return {
    type: 'object',
    properties: {
      ...SETTING_POLICIES,
      [LOCKED_SETTINGS_KEY]: {
        type: 'array',
        // No enum: a misspelt name would drop the whole list in Chrome; the extension names it instead.
        items: { type: 'string' },
        title: 'Locked settings',
        description: 'Settings the user may not change: they keep the value this policy gives them. A policy value not listed here is only a default.',
      },
      [ORGANIZATION_KEY]: { type: 'string', title: 'Organization name', description: 'Shown beside locked settings: \u201cSet by <name>\u201d.' },
    },
  };
}

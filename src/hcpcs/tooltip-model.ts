/**
 * What a tooltip says about a code, at the user's detail level. Built in the
 * worker from the dataset; every view (hover tooltip, popup, options preview)
 * only renders it.
 */
import { ChangeHistory } from './change-history';
import { meaningOf, type TableName } from './code-tables';
import { formatDate } from './dates';
import type { DetailLevel } from './detail-level';
import { FIELD_LABELS } from './field-labels';
import { historyLines, type ChangeLine } from './history-lines';
import type { HcpcsLookup } from './lookup';
import type { HcpcsRecord } from './record';
import { releaseLabel, staleNotice } from './release';
import { quarterLabel } from './quarter-label';
import { releaseName } from './release-name';
import type { ServiceDate } from './service-date';
import { addServiceVerdicts } from './service-date-card';
import type { ServiceVerdict } from './service-date-verdict';
import { recordStatus, type StatusBadge } from './status';

export type { DetailLevel };

export interface Fact {
  label: string;
  value: string;
  /** The decoded meaning of a coded value. */
  meaning?: string;
  /** The heading the code table lists the value under (pricing: its fee schedule). */
  group?: string;
  /** What the field is, in the record layout's words (full level). */
  help?: string;
}

/** code/modifier: HCPCS Level II. cpt-*: Level I, named but not described. */
export type CardKind = 'code' | 'modifier' | 'cpt-code' | 'cpt-modifier' | 'unknown';

export interface CodeCard {
  code: string;
  kind: CardKind;
  title: string;
  status: StatusBadge[];
  facts: Fact[];
  /** Modifiers written with the code, each explained. */
  modifiers: CodeCard[];
  /** A sentence in place of a description (CPT text is the AMA's; unknown codes). */
  notice?: string;
  /** Full level: the record's blank fields, so a blank is seen as blank, not as missing. */
  blank?: string[];
  /** Standard and full levels: what changed in the releases the extension knows, newest first. */
  changes?: ChangeLine[];
  /** Whether the code was valid on the date of service the page gives (every level). */
  service?: ServiceVerdict;
}

export interface TooltipModel {
  level: DetailLevel;
  cards: CodeCard[];
  /** "CMS 2026 Q1" (brief) or "CMS HCPCS 2026 Q1" (standard, full). */
  release: string;
  /** Said when today is past the next quarterly release. */
  stale?: string;
}

export interface LookupItem {
  code: string;
  modifiers?: readonly string[];
  /** The date of service the page gives for this code (its row, its X12 loop). */
  service?: ServiceDate;
}

const AMA_NOTICE = 'Description not included (AMA-licensed).';

/** `history`: what changed between the releases the extension knows (change-history.ts); none by default. */
export function buildTooltipModel(lookup: HcpcsLookup, items: readonly LookupItem[], level: DetailLevel, today: string, history = ChangeHistory.EMPTY): TooltipModel {
  const { release } = lookup.dataset;
  const cards = items.map((item) => {
    const card = buildCard(lookup, item.code, level, today, history);
    card.modifiers = (item.modifiers ?? []).map((m) => buildCard(lookup, m, level === 'brief' ? 'brief' : 'standard', today, history));
    if (item.service) addServiceVerdicts(lookup, card, item.service, history, level === 'full');
    return card;
  });
  const stale = staleNotice(release, today);
  return {
    level,
    cards,
    release: releaseName(release, today, level === 'brief' ? 'CMS' : 'CMS HCPCS'),
    ...(stale ? { stale } : {}),
  };
}

export function buildCard(lookup: HcpcsLookup, code: string, level: DetailLevel, today: string, history = ChangeHistory.EMPTY): CodeCard {
  const current = code.length === 2 ? lookup.modifier(code) : lookup.code(code);
  // The record in force today: a change that takes effect later is not yet the record.
  const record = history.recordOn(code, current, today);
  const changes = level === 'brief' ? [] : historyLines(history, code, current, today);
  const withChanges = changes.length > 0 ? { changes } : {};
  if (!record) return { ...placeholderCard(lookup, code), ...withChanges };
  const { release, tables } = lookup.dataset;
  const status = recordStatus(record, history.releaseOn(release, today), tables, today);
  const badge = status.length < 2 ? historyBadge(history, code, release, today) : undefined;
  return {
    code,
    kind: record.kind,
    title: level === 'brief' ? record.short || record.long : record.long,
    status: badge ? [...status, badge] : status,
    facts: level === 'brief' ? [] : level === 'standard' ? standardFacts(lookup, record) : fullFacts(lookup, record),
    modifiers: [],
    ...(level === 'full' ? { blank: blankFields(record) } : {}),
    ...withChanges,
  };
}

/**
 * A change the active release brought that its action code does not date in
 * its own quarter (after a jump of several quarters, or a change CMS left
 * action N): the history names the quarter, so even the brief level shows it.
 */
function historyBadge(history: ChangeHistory, code: string, release: HcpcsLookup['dataset']['release'], today: string): StatusBadge | undefined {
  const latest = history.lastChangeIn(code, release);
  if (!latest || latest.date > today || latest.kind === 'terminated' || latest.kind === 'removed') return undefined;
  return latest.kind === 'added'
    ? { kind: 'new', label: `New in ${quarterLabel(latest.date)}` }
    : { kind: 'changed', label: `Changed in ${quarterLabel(latest.date)}` };
}

function placeholderCard(lookup: HcpcsLookup, code: string): CodeCard {
  const base = { code, status: [], facts: [], modifiers: [] };
  if (/^\d{4}[0-9A-Z]$/.test(code)) return { ...base, kind: 'cpt-code', title: 'CPT® code (HCPCS Level I)', notice: AMA_NOTICE };
  if (/^\d{2}$/.test(code)) return { ...base, kind: 'cpt-modifier', title: 'CPT® modifier (HCPCS Level I)', notice: AMA_NOTICE };
  return {
    ...base,
    kind: 'unknown',
    title: 'Not in this CMS release',
    notice: `${code} is not in CMS HCPCS ${releaseLabel(lookup.dataset.release)}: it may be newer than this release, retired long ago, or mistyped.`,
  };
}

function decoded(lookup: HcpcsLookup, table: TableName, value: string): Pick<Fact, 'meaning' | 'group'> {
  const entry = meaningOf(lookup.dataset.tables[table], value);
  if (!entry) return value ? { meaning: 'Not in the record layout’s code table' } : {};
  return entry.group ? { meaning: entry.meaning, group: entry.group } : { meaning: entry.meaning };
}

function standardFacts(lookup: HcpcsLookup, r: HcpcsRecord): Fact[] {
  const facts: Fact[] = [];
  const coded = (label: string, table: TableName, values: readonly string[]) => {
    values.filter(Boolean).forEach((value) => facts.push({ label, value, ...decoded(lookup, table, value) }));
  };
  if (r.added) facts.push({ label: 'Added', value: formatDate(r.added) });
  if (r.actionEffective) facts.push({ label: 'Last action', value: formatDate(r.actionEffective), ...decoded(lookup, 'action', r.action) });
  if (r.termination) facts.push({ label: 'Termination date', value: formatDate(r.termination) });
  coded('Coverage', 'coverage', [r.coverage]);
  coded('Pricing', 'pricing', r.pricing);
  coded('BETOS', 'betos', [r.betos]);
  coded('Type of service', 'typeOfService', r.typeOfService);
  facts.push(...crossReferences(lookup, r));
  return facts;
}

/** A cross-reference names the code to use instead; its description saves a second lookup. */
function crossReferences(lookup: HcpcsLookup, r: HcpcsRecord): Fact[] {
  return r.crossReference.filter(Boolean).map((code) => {
    const target = lookup.code(code) ?? lookup.modifier(code);
    return { label: 'Cross-reference', value: code, ...(target ? { meaning: target.short || target.long } : {}) };
  });
}

function fullFacts(lookup: HcpcsLookup, r: HcpcsRecord): Fact[] {
  const { fieldHelp, notes } = lookup.dataset;
  const facts: Fact[] = [];
  for (const { field, label, table } of FIELD_LABELS) {
    const help = fieldHelp[field];
    const withHelp = help ? { help } : {};
    const value = r[field];
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (!v) return;
        const numbered = value.length > 1 || field === 'pricing' || field === 'typeOfService' ? `${label} #${i + 1}` : label;
        const meaning = table ? decoded(lookup, table, v) : field === 'crossReference' ? xrefMeaning(lookup, v) : {};
        facts.push({ label: numbered, value: v, ...meaning, ...withHelp });
      });
    } else if (field === 'anesthesiaBaseUnits') {
      if (value !== null) facts.push({ label, value: String(value), ...withHelp });
    } else if (typeof value === 'string') {
      const isDate = field === 'added' || field === 'actionEffective' || field === 'termination' || field === 'ascDate' || field === 'mogDate';
      // A blank ASC group has a meaning of its own: not approved for ASC.
      if (!value && !(field === 'ascGroup' && r.kind === 'code')) continue;
      const meaning = table ? decoded(lookup, table, value) : field === 'processingNote' ? noteMeaning(notes, value) : {};
      facts.push({ label, value: isDate ? formatDate(value) : value || '(blank)', ...meaning, ...withHelp });
    }
  }
  return facts;
}

function xrefMeaning(lookup: HcpcsLookup, code: string): Pick<Fact, 'meaning'> {
  const target = lookup.code(code) ?? lookup.modifier(code);
  return target ? { meaning: target.short || target.long } : {};
}

function noteMeaning(notes: Readonly<Record<string, string>>, number: string): Pick<Fact, 'meaning'> {
  const text = notes[number];
  return text ? { meaning: text } : {};
}

function blankFields(r: HcpcsRecord): string[] {
  return FIELD_LABELS.filter(({ field }) => {
    const value = r[field];
    if (field === 'ascGroup' && r.kind === 'code') return false;
    return value === '' || value === null || (Array.isArray(value) && value.every((v) => v === ''));
  }).map(({ label }) => label);
}

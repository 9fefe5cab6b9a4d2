import type { HcpcsRecord } from '../../src/hcpcs/record';

/**
 * Layout field names (as the CMS record layout spells them) and the record
 * field each one fills. Positions are read from the layout file itself; this
 * table only says which layout field is which.
 */
export const LAYOUT_FIELD_KEYS = {
  'Healthcare Common Procedure Coding System Code': 'code',
  'HCPCS Sequence Number': 'sequence',
  'HCPCS Record Identification Code': 'recordId',
  'HCPCS Long Description': 'long',
  'HCPCS Short Description': 'short',
  'HCPCS Pricing Indicator Code': 'pricing',
  'HCPCS Multiple Pricing Indicator Code': 'multiplePricing',
  'HCPCS Coverage Issues Manual Reference Section Number': 'cim',
  'HCPCS Medicare Carriers Manual Reference Section Number': 'mcm',
  'HCPCS Statute Number': 'statute',
  'HCPCS Lab Certification Code': 'labCertification',
  'HCPCS Cross Reference Code': 'crossReference',
  'HCPCS Coverage Code': 'coverage',
  'HCPCS ASC Payment Group Code': 'ascGroup',
  'HCPCS ASC Payment Group Effective Date': 'ascDate',
  'HCPCS MOG Payment Group Code': 'mogGroup',
  'HCPCS MOG Payment Policy Indicator': 'mogPolicy',
  'HCPCS MOG Effective Date': 'mogDate',
  'HCPCS Processing Note Number': 'processingNote',
  'HCPCS Berenson-Eggers Type Of Service Code': 'betos',
  'HCPCS Type Of Service Code': 'typeOfService',
  'HCPCS Anesthesia Base Unit Quantity': 'anesthesiaBaseUnits',
  'HCPCS Code Added Date': 'added',
  'HCPCS Action Effective Date': 'actionEffective',
  'HCPCS Termination Date': 'termination',
  'HCPCS Action Code': 'action',
} as const satisfies Record<string, keyof HcpcsRecord | 'sequence' | 'recordId'>;

export type LayoutKey = (typeof LAYOUT_FIELD_KEYS)[keyof typeof LAYOUT_FIELD_KEYS];

/** Column headers of CMS's Excel edition, for each layout field (repeating fields numbered 1…n). */
export const XLSX_COLUMNS: Readonly<Record<LayoutKey, string>> = {
  code: 'HCPC',
  sequence: 'SEQNUM',
  recordId: 'RECID',
  long: 'LONG DESCRIPTION',
  short: 'SHORT DESCRIPTION',
  pricing: 'PRICE',
  multiplePricing: 'MULT_PI',
  cim: 'CIM',
  mcm: 'MCM',
  statute: 'STATUTE',
  labCertification: 'LABCERT',
  crossReference: 'XREF',
  coverage: 'COV',
  ascGroup: 'ASC_GRP',
  ascDate: 'ASC_DT',
  mogGroup: 'OPPS',
  mogPolicy: 'OPPS_PI',
  mogDate: 'OPPS_DT',
  processingNote: 'PROCNOTE',
  betos: 'BETOS',
  typeOfService: 'TOS',
  anesthesiaBaseUnits: 'ANEST_BU',
  added: 'ADD DT',
  actionEffective: 'ACT EFF DT',
  termination: 'TERM DT',
  action: 'ACTION CD',
};

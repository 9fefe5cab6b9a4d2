/**
 * One code or modifier of the CMS Alpha-Numeric HCPCS file, with every field
 * of its record. Field names follow the 2026 record layout; the comment on each
 * gives the layout's field number.
 *
 * The file's SEQNUM (5) and RECID (6) fields describe its line structure (which
 * line of a record a line is, and whether it is a code or a modifier). The
 * converter consumes them to join continuation lines and to set `kind`; they
 * carry nothing a user reads, so they are not kept.
 */
export type RecordKind = 'code' | 'modifier';

export interface HcpcsRecord {
  /** 1/4: "E1392", or a modifier such as "RR" (the file pads modifiers with three blanks). */
  code: string;
  kind: RecordKind;
  /** 7: long description, continuation lines joined in sequence order. */
  long: string;
  /** 8: short description (28 characters or less). */
  short: string;
  /** 9: pricing indicator codes 1–4, in position (a blank position inside the list is ""). */
  pricing: string[];
  /** 10: multiple pricing indicator. */
  multiplePricing: string;
  /** 11: Coverage Issues Manual references 1–3. */
  cim: string[];
  /** 12: Medicare Carriers Manual references 1–3. */
  mcm: string[];
  /** 13: statute number. */
  statute: string;
  /** 14: lab certification codes 1–8. */
  labCertification: string[];
  /** 15: cross-reference codes 1–5. */
  crossReference: string[];
  /** 16: coverage code. */
  coverage: string;
  /** 17: ASC payment group ("YY" or blank). */
  ascGroup: string;
  /** 18: ASC payment group effective date (ISO). */
  ascDate: string;
  /** 19: MOG payment group (legacy; blank in current releases). */
  mogGroup: string;
  /** 20: MOG payment policy indicator (legacy). */
  mogPolicy: string;
  /** 21: MOG effective date (ISO, legacy). */
  mogDate: string;
  /** 22: processing note number. */
  processingNote: string;
  /** 23: Berenson-Eggers type of service. */
  betos: string;
  /** 25: CMS type of service codes 1–5. */
  typeOfService: string[];
  /** 26: anesthesia base units; null where the field is blank (modifiers). */
  anesthesiaBaseUnits: number | null;
  /** 27: code added date (ISO). */
  added: string;
  /** 28: action effective date (ISO). */
  actionEffective: string;
  /** 29: termination date (ISO): last date the code may be used. */
  termination: string;
  /** 30: action code. */
  action: string;
}

/** Fields of a record that hold one text value ("" when blank). */
export type TextField = {
  [K in keyof HcpcsRecord]: HcpcsRecord[K] extends string ? K : never;
}[keyof HcpcsRecord];

/** Fields that repeat in the file (PRICE1–4, CIM1–3 …). */
export type ListField = {
  [K in keyof HcpcsRecord]: HcpcsRecord[K] extends string[] ? K : never;
}[keyof HcpcsRecord];

/** How many times each repeating field occurs in a CMS record. */
export const LIST_FIELD_SIZE: Readonly<Record<ListField, number>> = {
  pricing: 4,
  cim: 3,
  mcm: 3,
  labCertification: 8,
  crossReference: 5,
  typeOfService: 5,
};

/** Fields whose values are ISO dates. */
export const DATE_FIELDS = ['ascDate', 'mogDate', 'added', 'actionEffective', 'termination'] as const;

/** A record of `code` with every field blank: what a record holds before any value is known. */
export function blankRecord(code: string): HcpcsRecord {
  return {
    code,
    kind: code.length === 2 ? 'modifier' : 'code',
    long: '',
    short: '',
    pricing: [],
    multiplePricing: '',
    cim: [],
    mcm: [],
    statute: '',
    labCertification: [],
    crossReference: [],
    coverage: '',
    ascGroup: '',
    ascDate: '',
    mogGroup: '',
    mogPolicy: '',
    mogDate: '',
    processingNote: '',
    betos: '',
    typeOfService: [],
    anesthesiaBaseUnits: null,
    added: '',
    actionEffective: '',
    termination: '',
    action: '',
  };
}

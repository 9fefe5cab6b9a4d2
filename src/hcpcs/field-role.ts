/**
 * What a column header or field label says its values are. A code-shaped
 * value means different things under different labels: under "Dx" J1100 is
 * the ICD-10-CM diagnosis J11.00 (influenza), not the HCPCS drug code; under
 * "Mod 1" RR is a modifier; under "CPT/HCPCS" 99213 is a CPT code.
 */
export type FieldRole = 'code' | 'modifier' | 'diagnosis';

const DIAGNOSIS = /\b(?:dx|icd|diag|diagnos[ie]s)\b/i;
const MODIFIER = /\bmod(?:ifier)?s?\b/i;
/** "Code" alone is a procedure code, but not a reason, group, zip or revenue code. */
const OTHER_CODE = /\b(?:reason|group|adj|adjustment|carc|rarc|remark|denial|zip|postal|rev|revenue|pos|place|status|type|payer|country|area|tax|taxonomy|npi|claim|frequency|condition|occurrence|value)\b/i;
const CODE = /\b(?:hcpcs|cpt|proc|procedure|code|codes)\b/i;

/** Splits "dxCode1", "mod_1", "hcpcsCode" into words, so form field names read like labels. */
export function labelWords(label: string): string {
  return label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ');
}

/** The role a label gives its values, or undefined when it says nothing about codes. */
export function fieldRole(label: string | null | undefined): FieldRole | undefined {
  if (!label) return undefined;
  const text = labelWords(label.trim()).slice(0, 80);
  if (DIAGNOSIS.test(text)) return 'diagnosis';
  if (MODIFIER.test(text)) return 'modifier';
  if (OTHER_CODE.test(text)) return undefined;
  if (CODE.test(text)) return 'code';
  return undefined;
}

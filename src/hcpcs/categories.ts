/**
 * The sections of HCPCS Level II, by the first letter of the code, as the
 * CMS HCPCS manual names them. Letters with no Level II codes (D: dental
 * CDT codes, not in the CMS file; F, I, N, O, W–Z) are left out.
 */
export const CATEGORIES: readonly { letter: string; name: string }[] = [
  { letter: 'A', name: 'Transportation, medical and surgical supplies, miscellaneous' },
  { letter: 'B', name: 'Enteral and parenteral therapy' },
  { letter: 'C', name: 'Outpatient PPS (temporary)' },
  { letter: 'E', name: 'Durable medical equipment' },
  { letter: 'G', name: 'Procedures and professional services (temporary)' },
  { letter: 'H', name: 'Alcohol, drug and behavioral health services' },
  { letter: 'J', name: 'Drugs administered other than orally' },
  { letter: 'K', name: 'DME MAC temporary codes' },
  { letter: 'L', name: 'Orthotics and prosthetics' },
  { letter: 'M', name: 'Medical services and quality measures' },
  { letter: 'P', name: 'Pathology and laboratory' },
  { letter: 'Q', name: 'Temporary codes' },
  { letter: 'R', name: 'Diagnostic radiology' },
  { letter: 'S', name: 'Temporary national codes (non-Medicare)' },
  { letter: 'T', name: 'State Medicaid agency codes' },
  { letter: 'U', name: 'Coronavirus laboratory tests' },
  { letter: 'V', name: 'Vision, hearing and speech-language services' },
];

import type { TableName } from './code-tables';
import type { HcpcsRecord } from './record';

export interface FieldLabel {
  field: Exclude<keyof HcpcsRecord, 'code' | 'kind'>;
  label: string;
  /** The code table that decodes the field's values. */
  table?: TableName;
}

/**
 * Every field of a CMS record in the order of the record layout, with the
 * label the full detail level shows. Explanations come from the layout itself
 * (Dataset.fieldHelp), so they stay CMS's words.
 */
export const FIELD_LABELS: readonly FieldLabel[] = [
  { field: 'long', label: 'Long description' },
  { field: 'short', label: 'Short description' },
  { field: 'pricing', label: 'Pricing indicator', table: 'pricing' },
  { field: 'multiplePricing', label: 'Multiple pricing indicator', table: 'multiplePricing' },
  { field: 'cim', label: 'Coverage Issues Manual section' },
  { field: 'mcm', label: 'Medicare Carriers Manual section' },
  { field: 'statute', label: 'Statute' },
  { field: 'labCertification', label: 'Lab certification', table: 'labCertification' },
  { field: 'crossReference', label: 'Cross-reference code' },
  { field: 'coverage', label: 'Coverage', table: 'coverage' },
  { field: 'ascGroup', label: 'ASC payment group', table: 'ascGroup' },
  { field: 'ascDate', label: 'ASC payment group effective' },
  { field: 'mogGroup', label: 'MOG payment group', table: 'mogGroup' },
  { field: 'mogPolicy', label: 'MOG payment policy indicator', table: 'mogPolicy' },
  { field: 'mogDate', label: 'MOG effective date' },
  { field: 'processingNote', label: 'Processing note' },
  { field: 'betos', label: 'BETOS category', table: 'betos' },
  { field: 'typeOfService', label: 'Type of service', table: 'typeOfService' },
  { field: 'anesthesiaBaseUnits', label: 'Anesthesia base units' },
  { field: 'added', label: 'Code added' },
  { field: 'actionEffective', label: 'Action effective' },
  { field: 'termination', label: 'Termination date' },
  { field: 'action', label: 'Action', table: 'action' },
];

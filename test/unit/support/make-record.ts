/** A CMS record with every field blank but the ones a test names. */
import type { HcpcsRecord } from '../../../src/hcpcs/record';

export function makeRecord(code: string, fields: Partial<HcpcsRecord> = {}): HcpcsRecord {
  return {
    code,
    kind: code.length === 2 ? 'modifier' : 'code',
    long: `${code} long description`,
    short: `${code} short`,
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
    added: '2006-01-01',
    actionEffective: '2006-01-01',
    termination: '',
    action: 'N',
    ...fields,
  };
}

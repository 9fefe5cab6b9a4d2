/** A CMS record with every field blank but the ones a test names (and a description and dates to read). */
import { blankRecord, type HcpcsRecord } from '../../../src/hcpcs/record';

export function makeRecord(code: string, fields: Partial<HcpcsRecord> = {}): HcpcsRecord {
  return {
    ...blankRecord(code),
    long: `${code} long description`,
    short: `${code} short`,
    added: '2006-01-01',
    actionEffective: '2006-01-01',
    action: 'N',
    ...fields,
  };
}

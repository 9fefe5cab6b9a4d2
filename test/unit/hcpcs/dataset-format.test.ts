/** The bundled dataset file: written deterministically, read back exactly, corrupt files refused clearly. */
import { describe, expect, it } from 'vitest';
import { DatasetError, encodeDataset } from '../../../src/hcpcs/dataset-format';
import { decodeDataset, openDataset } from '../../../src/hcpcs/dataset-open';
import { convertSample } from '../support/sample-release';

const sample = async () => (await convertSample('txt')).dataset;

describe('dataset format', () => {
  it('round-trips every record and table', async () => {
    const dataset = await sample();
    const text = encodeDataset(dataset);
    expect(decodeDataset(text)).toEqual(dataset);
    expect(encodeDataset(decodeDataset(text))).toBe(text);
  });

  it('writes E1392 on one line, blank fields costing nothing', async () => {
    const text = encodeDataset(await sample());
    expect(text.split('\n').find((l) => l.startsWith('E1392\t'))).toBe(
      'E1392\tPortable oxygen concentrator, rental\tPortable oxygen concentrator\tN\t2006-01-01\t2006-01-01\tD\t33\tA\tD1C\tR\t0\tcim=60-4',
    );
    expect(text.split('\n').find((l) => l.startsWith('RR\t'))).toBe("RR\tRental (use the 'rr' modifier when dme is to be rented)\tRental (dme)\tN\t1984-01-01\t1997-01-01\tC");
  });

  it('opens lazily: records are decoded when asked for', async () => {
    const open = openDataset(encodeDataset(await sample()));
    expect(open.codes).toHaveLength(45);
    expect(open.record('E1392')?.betos).toBe('D1C');
    expect(open.record('E9999')).toBeUndefined();
  });

  describe('refuses a corrupt or foreign file', () => {
    const corrupt = async (edit: (lines: string[]) => void) => {
      const lines = encodeDataset(await sample()).split('\n');
      edit(lines);
      return () => decodeDataset(lines.join('\n'));
    };
    it('another format', async () => {
      expect(() => decodeDataset('<html>not found</html>')).toThrow(new DatasetError('not an HCPCS Lens dataset (or a version this build cannot read)'));
    });
    it('a broken header', async () => {
      expect(await corrupt((l) => (l[1] = '#{"release":'))).toThrow('line 2: the release description is not valid JSON');
    });
    it('a truncated file', async () => {
      expect(await corrupt((l) => void l.splice(20))).toThrow(/the file holds 17 records, the release 29 codes and 16 modifiers: it is incomplete/);
    });
    it('a damaged record', async () => {
      const at = (l: string[]) => l.findIndex((x) => x.startsWith('E1392'));
      expect(await corrupt((l) => (l[at(l)] = l[at(l)]!.replace('2006-01-01', '2006-02-31')))).toThrow(/\(E1392\): added "2006-02-31" is not a date/);
      expect(await corrupt((l) => (l[at(l)] = l[at(l)]! + '\tbogus=1'))).toThrow(/\(E1392\): unexpected "bogus=1"/);
      expect(await corrupt((l) => (l[at(l)] = 'E13 92' + l[at(l)]!.slice(5)))).toThrow(/"E13 92" is not a code/);
    });
    it('a duplicated record', async () => {
      expect(await corrupt((l) => void l.splice(5, 1, l[4]!))).toThrow(/appears twice/);
    });
  });

  it('refuses to write a value that would break the format', async () => {
    const dataset = await sample();
    const bad = { ...dataset, records: [{ ...dataset.records[0]!, long: 'with\ttab' }] };
    expect(() => encodeDataset(bad)).toThrow(DatasetError);
  });
});

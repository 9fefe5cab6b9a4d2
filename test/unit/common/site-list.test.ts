import { describe, expect, it } from 'vitest';
import { parseSiteList } from '../../../src/common/site-list';

describe('parseSiteList', () => {
  it('normalises each line: case, a pasted scheme or path, duplicates and blank lines', () => {
    expect(parseSiteList('Portal.Example.com\n\nhttps://claims.example.org/path?q=1\n*.payer.example\nintranet:8443\nportal.example.com\n')).toEqual({
      sites: ['portal.example.com', 'claims.example.org', '*.payer.example', 'intranet:8443'],
      errors: [],
    });
  });

  it('names each line that is not a host pattern', () => {
    expect(parseSiteList('ok.example\nnot a host\n*.\nexample.*').errors).toEqual([
      'Line 2: “not a host” is not a host name or pattern.',
      'Line 3: “*.” is not a host name or pattern.',
      'Line 4: “example.*” is not a host name or pattern.',
    ]);
  });

  it('refuses more sites than settings keep', () => {
    const text = Array.from({ length: 201 }, (_, i) => `h${i}.example`).join('\n');
    expect(parseSiteList(text).errors).toEqual(['At most 200 sites: remove 1.']);
  });
});

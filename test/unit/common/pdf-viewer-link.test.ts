import { describe, expect, it } from 'vitest';
import { looksLikePdfAddress, unreadableReason, viewerPathFor } from '../../../src/common/pdf-viewer-link';

describe('the viewer for a tab’s PDF', () => {
  it('reads again only a web address in a normal window', () => {
    expect(unreadableReason({ url: 'https://portal.example.com/eob/123.pdf' })).toBeUndefined();
    expect(unreadableReason({ url: 'https://portal.example.com/eob.pdf', cookieStoreId: 'firefox-default' })).toBeUndefined();
    expect(unreadableReason({ url: 'file:///home/me/eob.pdf' })).toBe('local-file');
    expect(unreadableReason({ url: 'https://portal.example.com/eob.pdf', incognito: true })).toBe('private');
    expect(unreadableReason({ url: 'https://portal.example.com/eob.pdf', cookieStoreId: 'firefox-container-2' })).toBe('container');
    expect(unreadableReason({ url: 'blob:https://portal.example.com/3f2a' })).toBe('not-web');
    expect(unreadableReason({ url: undefined })).toBe('not-web');
  });

  it('puts the address, and why it cannot be read where it cannot, in the viewer’s query', () => {
    const path = viewerPathFor({ url: 'https://portal.example.com/eob.pdf?id=7&x=1' });
    expect(path.startsWith('src/pdf-viewer/index.html?')).toBe(true);
    const params = new URLSearchParams(path.split('?')[1]);
    expect(params.get('src')).toBe('https://portal.example.com/eob.pdf?id=7&x=1');
    expect(params.get('unreadable')).toBeNull();
    expect(new URLSearchParams(viewerPathFor({ url: 'file:///c/eob.pdf' }).split('?')[1]).get('unreadable')).toBe('local-file');
  });

  it('takes an address ending in .pdf, whatever its query, for a PDF', () => {
    expect(looksLikePdfAddress('https://x.example/a/EOB.PDF?session=1')).toBe(true);
    expect(looksLikePdfAddress('https://x.example/download?file=eob.pdf')).toBe(false);
    expect(looksLikePdfAddress('not an address')).toBe(false);
  });
});

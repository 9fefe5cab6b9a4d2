import { describe, expect, it } from 'vitest';
import { siteHost, siteState, toggleSite } from '../../../src/common/site-toggle';

describe('toggleSite', () => {
  it('in "all sites except": turning a site off lists it, turning it on unlists it', () => {
    const off = toggleSite({ siteMode: 'all-except', sites: ['a.example'] }, 'portal.example.com', false);
    expect(off).toEqual({ sites: ['a.example', 'portal.example.com'], allowed: false, coveredBy: [] });
    const on = toggleSite({ siteMode: 'all-except', sites: off.sites }, 'portal.example.com', true);
    expect(on).toEqual({ sites: ['a.example'], allowed: true, coveredBy: [] });
  });

  it('in "only listed sites": turning a site on lists it, turning it off unlists it', () => {
    const on = toggleSite({ siteMode: 'only-listed', sites: [] }, 'portal.example.com', true);
    expect(on).toEqual({ sites: ['portal.example.com'], allowed: true, coveredBy: [] });
    expect(toggleSite({ siteMode: 'only-listed', sites: on.sites }, 'portal.example.com', false).sites).toEqual([]);
  });

  it('names a wider rule that still decides, without rewriting it', () => {
    const result = toggleSite({ siteMode: 'all-except', sites: ['*.example.com'] }, 'portal.example.com', true);
    expect(result).toEqual({ sites: ['*.example.com'], allowed: false, coveredBy: ['*.example.com'] });
    // Turning off where a wildcard already blocks adds nothing.
    expect(toggleSite({ siteMode: 'all-except', sites: ['*.example.com'] }, 'portal.example.com', false).sites).toEqual(['*.example.com']);
  });

  it('reports the current state', () => {
    expect(siteState({ siteMode: 'only-listed', sites: ['*.example.com'] }, 'a.example.com')).toEqual({ sites: ['*.example.com'], allowed: true, coveredBy: ['*.example.com'] });
  });
});

describe('siteHost', () => {
  it('is the host name of web pages only', () => {
    expect(siteHost('http://127.0.0.1:8080/claims')).toBe('127.0.0.1');
    expect(siteHost('https://Portal.Example.com./x')).toBe('portal.example.com');
    expect(siteHost('chrome://extensions')).toBeUndefined();
    expect(siteHost('file:///tmp/a.html')).toBeUndefined();
    expect(siteHost('not a url')).toBeUndefined();
    expect(siteHost('http://[::1]:8080/')).toBeUndefined();
    expect(siteHost(undefined)).toBeUndefined();
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAllowedExternalUrl, normaliseExternalUrl, ZOOM_API_DOCS_URL } from '../../electron/node/external-urls';

describe('isAllowedExternalUrl', () => {
  const allowed = [
    'https://zoom.us/',
    'https://zoom.us',
    'https://marketplace.zoom.us/develop/create',
    'https://developers.zoom.us/docs/api/users/#tag/users/PUT/users/{userId}/password',
    'https://status.zoom.us/',
    'https://support.zoom.com/hc/en',
    'https://ZOOM.US/Pricing?x=1#top',
    'https://zoom.us:443/',
    ZOOM_API_DOCS_URL,
  ];
  for (const url of allowed) {
    test(`allows ${url}`, () => assert.equal(isAllowedExternalUrl(url), true));
  }

  const refused: [string, unknown][] = [
    ['plain http', 'http://zoom.us/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a custom protocol', 'zoommtg://zoom.us/join?confno=1'],
    ['our own protocol', 'zpa://app/index.html'],
    ['ftp', 'ftp://zoom.us/'],
    ['a look-alike suffix', 'https://zoom.us.evil.example/'],
    ['a look-alike prefix', 'https://evilzoom.us/'],
    ['zoom.com outside the list', 'https://zoom.com/'],
    ['another zoom.com host', 'https://evil.zoom.com.example/'],
    ['zoomgov is not on the list', 'https://zoomgov.com/'],
    ['a user name', 'https://attacker@zoom.us/'],
    ['user and password', 'https://user:pass@marketplace.zoom.us/'],
    ['credentials hiding the real host', 'https://zoom.us@evil.example/'],
    ['a non-default port', 'https://zoom.us:8443/'],
    ['a trailing-dot host', 'https://zoom.us./'],
    ['an IP address', 'https://170.114.52.2/'],
    ['a backslash trick', 'https://evil.example\\@zoom.us/'],
    ['a newline trick', 'https://zoom.us\n@evil.example/'],
    ['a tab', 'https://zoom.us/\tx'],
    ['leading spaces', '  https://zoom.us/'],
    ['a NUL', 'https://zoom.us/\u0000'],
    ['an empty string', ''],
    ['a relative URL', '/docs/api'],
    ['a protocol-relative URL', '//zoom.us/'],
    ['not a URL', 'zoom.us'],
    ['too long', `https://zoom.us/${'a'.repeat(3000)}`],
    ['not a string', 42],
    ['null', null],
    ['an object', { href: 'https://zoom.us/' }],
  ];
  for (const [name, url] of refused) {
    test(`refuses ${name}`, () => assert.equal(isAllowedExternalUrl(url), false));
  }
});

describe('normaliseExternalUrl', () => {
  test('gives the parsed form, which is what gets opened', () => {
    assert.equal(normaliseExternalUrl('https://ZOOM.us:443/a b'), null, 'a space is refused');
    assert.equal(normaliseExternalUrl('https://Marketplace.ZOOM.us:443/x?y=1'), 'https://marketplace.zoom.us/x?y=1');
    assert.equal(normaliseExternalUrl('https://zoom.us'), 'https://zoom.us/');
  });
});

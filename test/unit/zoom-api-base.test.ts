import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { DEFAULT_API_BASE, isLoopbackHost, normaliseApiBase } from '../../electron/node/zoom/api-base';

function refused(url: string): AppError {
  try {
    normaliseApiBase(url);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError for ${url}`);
    assert.equal(error.code, 'invalid_input');
    assert.ok(error.action !== undefined && error.action.includes('https://'), 'says what to use instead');
    return error;
  }
  assert.fail(`${url} should be refused`);
}

describe('normaliseApiBase', () => {
  it('keeps the default as it is', () => {
    assert.equal(DEFAULT_API_BASE, 'https://api.zoom.us/v2');
    assert.equal(normaliseApiBase(DEFAULT_API_BASE), DEFAULT_API_BASE);
  });

  it('strips trailing slashes and surrounding spaces, lower-cases the host', () => {
    assert.equal(normaliseApiBase('https://api.zoom.us/v2/'), 'https://api.zoom.us/v2');
    assert.equal(normaliseApiBase('  https://API.ZoomGov.com/v2//  '), 'https://api.zoomgov.com/v2');
    assert.equal(normaliseApiBase('https://eu01api.zoom.us'), 'https://eu01api.zoom.us');
    assert.equal(normaliseApiBase('https://api.zoom.us:8443/v2/'), 'https://api.zoom.us:8443/v2');
  });

  it('accepts plain http only for loopback hosts', () => {
    assert.equal(normaliseApiBase('http://127.0.0.1:9000/v2/'), 'http://127.0.0.1:9000/v2');
    assert.equal(normaliseApiBase('http://127.8.9.10/v2'), 'http://127.8.9.10/v2');
    assert.equal(normaliseApiBase('http://localhost:3000/v2'), 'http://localhost:3000/v2');
    assert.equal(normaliseApiBase('http://[::1]:3000/v2'), 'http://[::1]:3000/v2');
    assert.equal(normaliseApiBase('https://127.0.0.1:4443/v2'), 'https://127.0.0.1:4443/v2');
  });

  it('refuses http to anything else, lookalike hosts included', () => {
    for (const url of [
      'http://api.zoom.us/v2',
      'http://128.0.0.1/v2',
      'http://127.0.0.1.evil.example/v2',
      'http://localhost.evil.example/v2',
      'http://10.0.0.1/v2',
    ]) {
      assert.match(refused(url).message, /https/);
    }
  });

  it('refuses other schemes, garbage, queries and fragments', () => {
    refused('ftp://api.zoom.us/v2');
    refused('file:///etc/passwd');
    refused('api.zoom.us/v2');
    refused('');
    refused('https://api.zoom.us/v2?x=1');
    refused('https://api.zoom.us/v2#top');
  });

  it('refuses credentials without echoing them', () => {
    const error = refused('https://admin:s3cret-Pa55@api.zoom.us/v2');
    assert.doesNotMatch(error.message, /s3cret/);
    assert.doesNotMatch(error.action ?? '', /s3cret/);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from lookalikes', () => {
    assert.equal(isLoopbackHost('127.0.0.1'), true);
    assert.equal(isLoopbackHost('127.255.255.254'), true);
    assert.equal(isLoopbackHost('LOCALHOST'), true);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('127.0.0.256'), false);
    assert.equal(isLoopbackHost('127.0.0'), false);
    assert.equal(isLoopbackHost('0.0.0.0'), false);
    assert.equal(isLoopbackHost('api.zoom.us'), false);
  });
});

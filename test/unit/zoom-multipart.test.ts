import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodePasswordMultipart } from '../../electron/node/zoom/multipart';

async function decode(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData> {
  return new Response(body, { headers: { 'content-type': contentType } }).formData();
}

describe('encodePasswordMultipart', () => {
  it('produces multipart/form-data with a boundary and the single field password', async () => {
    const { body, contentType } = await encodePasswordMultipart('Kite-Harbor-7q');
    assert.match(contentType, /^multipart\/form-data; boundary=\S+$/);
    assert.ok(body instanceof Uint8Array);
    const form = await decode(body, contentType);
    assert.deepEqual([...form.keys()], ['password']);
    assert.equal(form.get('password'), 'Kite-Harbor-7q');
  });

  it('round-trips unicode, quotes and characters that look like multipart syntax', async () => {
    for (const password of ['Pässwörd-Ünïcode-9', 'a"b\'c;d=e-Fg7', '--boundary--X9y', 'Ab9\u{1F511}key']) {
      const { body, contentType } = await encodePasswordMultipart(password);
      assert.equal((await decode(body, contentType)).get('password'), password);
    }
  });

  it('uses a fresh boundary for every body', async () => {
    const a = await encodePasswordMultipart('Kite-Harbor-7q');
    const b = await encodePasswordMultipart('Kite-Harbor-7q');
    assert.notEqual(a.contentType, b.contentType);
  });

  it('carries the password exactly once and nothing but the one part', async () => {
    const { body, contentType } = await encodePasswordMultipart('Zebra-Quartz-42');
    const text = new TextDecoder().decode(body);
    assert.equal(text.split('Zebra-Quartz-42').length - 1, 1);
    assert.equal(text.match(/Content-Disposition/gi)?.length, 1);
    assert.match(text, /name="password"/);
    const boundary = contentType.split('boundary=')[1] ?? '';
    assert.ok(text.trimEnd().endsWith(`--${boundary}--`), 'the body is properly closed');
  });
});

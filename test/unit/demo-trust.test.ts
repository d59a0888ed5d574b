import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import { isTrustedDemoCertificate, type CertificateLike } from '../../electron/main/demo-trust';
import { createTestCa, createUntrustedServerCert, issueServerCert } from '../simulator/test-ca';

const DAY = 24 * 60 * 60 * 1000;

interface Issued {
  pem: string;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function keyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
  };
}

/**
 * Issues a certificate for the chain tests: a CA (self-signed when no issuer is given, or an
 * intermediate) or a leaf for the given names.
 */
function issue(o: {
  name: string;
  issuer?: Issued;
  ca: boolean;
  altNames?: { dns?: string[]; ip?: string[] };
  from?: number;
  to?: number;
  /** May sign certificates (keyCertSign); default: when it is a CA. */
  certSign?: boolean;
}): Issued {
  const { publicKey, privateKey } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(o.from ?? Date.now() - DAY);
  cert.validity.notAfter = new Date(o.to ?? Date.now() + 300 * DAY);
  const subject = [{ name: 'commonName', value: o.name }];
  cert.setSubject(subject);
  cert.setIssuer(o.issuer === undefined ? subject : o.issuer.cert.subject.attributes);
  const altNames = [
    ...(o.altNames?.dns ?? []).map((value) => ({ type: 2, value })),
    ...(o.altNames?.ip ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: o.ca, critical: true },
    (o.certSign ?? o.ca)
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    ...(altNames.length > 0 ? [{ name: 'subjectAltName', altNames }] : []),
  ]);
  cert.sign(o.issuer?.key ?? privateKey, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), cert, key: privateKey };
}

const LOOPBACK = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] };

/** Electron's certificate structure for a chain given leaf first. */
function chain(...pems: string[]): CertificateLike {
  let issuerCert: CertificateLike | null = null;
  for (const data of [...pems].reverse()) issuerCert = { data, issuerCert };
  return issuerCert ?? assert.fail('empty chain');
}

describe('isTrustedDemoCertificate', () => {
  const ca = createTestCa();
  const leaf = issueServerCert(ca).cert;

  it("trusts the simulator's certificate on every loopback name it carries", () => {
    for (const host of ['127.0.0.1', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      assert.equal(isTrustedDemoCertificate(host, { data: leaf }, ca.certPem), true, host);
    }
    assert.equal(isTrustedDemoCertificate('127.0.0.1', chain(leaf, ca.certPem), ca.certPem), true, 'with the CA sent');
  });

  it('never trusts it for a host that is not loopback, even with a valid chain', () => {
    for (const host of ['api.zoom.us', 'example.com', '10.0.0.1', '192.168.1.10', '127.0.0.1.nip.io', '']) {
      assert.equal(isTrustedDemoCertificate(host, chain(leaf, ca.certPem), ca.certPem), false, host);
    }
  });

  it('never trusts a demo-CA certificate for a real host, even one that names it', () => {
    const root = issue({ name: 'Overreaching Root', ca: true });
    const names = { dns: ['api.zoom.us', 'localhost'], ip: ['10.0.0.1', '127.0.0.1'] };
    const overreaching = issue({ name: 'api.zoom.us', ca: false, issuer: root, altNames: names });
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: overreaching.pem }, root.pem), true, 'control');
    assert.equal(isTrustedDemoCertificate('api.zoom.us', { data: overreaching.pem }, root.pem), false);
    assert.equal(isTrustedDemoCertificate('10.0.0.1', { data: overreaching.pem }, root.pem), false);
  });

  it('refuses a loopback host the certificate does not name', () => {
    assert.equal(isTrustedDemoCertificate('127.0.0.2', { data: leaf }, ca.certPem), false);
    const root = issue({ name: 'Localhost Only Root', ca: true });
    const onlyLocalhost = issue({ name: 'localhost', ca: false, issuer: root, altNames: { dns: ['localhost'] } });
    assert.equal(isTrustedDemoCertificate('localhost', { data: onlyLocalhost.pem }, root.pem), true);
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: onlyLocalhost.pem }, root.pem), false);
  });

  it('refuses certificates from any other issuer', () => {
    const selfSigned = createUntrustedServerCert().cert;
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: selfSigned }, ca.certPem), false, 'self-signed');
    const otherCa = createTestCa();
    const otherLeaf = issueServerCert(otherCa).cert;
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: otherLeaf }, ca.certPem), false, 'another CA');
    assert.equal(
      isTrustedDemoCertificate('127.0.0.1', chain(otherLeaf, otherCa.certPem), ca.certPem),
      false,
      'another CA, sent along',
    );
  });

  it('checks the signature, not only the issuer name', () => {
    // Same subject as the demo CA, different key: the name matches, the signature does not.
    const impostor = issue({ name: 'Zoom Password Admin Test CA', ca: true });
    const root = issue({ name: 'Zoom Password Admin Test CA', ca: true });
    const forged = issue({ name: 'localhost', ca: false, issuer: impostor, altNames: LOOPBACK });
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: forged.pem }, root.pem), false);
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: forged.pem }, impostor.pem), true, 'control');
  });

  it('follows intermediates the server sent, if they are CAs themselves', () => {
    const root = issue({ name: 'Demo Root', ca: true });
    const intermediate = issue({ name: 'Demo Intermediate', ca: true, issuer: root });
    const viaIntermediate = issue({ name: 'localhost', ca: false, issuer: intermediate, altNames: LOOPBACK });
    assert.equal(isTrustedDemoCertificate('127.0.0.1', chain(viaIntermediate.pem, intermediate.pem), root.pem), true);
    assert.equal(
      isTrustedDemoCertificate('127.0.0.1', { data: viaIntermediate.pem }, root.pem),
      false,
      'not without the intermediate',
    );

    // Allowed to sign by its key usage, but not a CA by its basic constraints.
    const notCa = issue({ name: 'Not a CA', ca: false, certSign: true, issuer: root });
    const underLeaf = issue({ name: 'localhost', ca: false, issuer: notCa, altNames: LOOPBACK });
    assert.equal(isTrustedDemoCertificate('127.0.0.1', chain(underLeaf.pem, notCa.pem), root.pem), false);
  });

  it('follows at most three intermediates', () => {
    const root = issue({ name: 'Deep Root', ca: true });
    const links = [root];
    for (let i = 1; i <= 4; i += 1) links.push(issue({ name: `Deep ${i}`, ca: true, issuer: links[i - 1] }));
    // Intermediates as a server sends them: nearest to the leaf first.
    const under = (depth: number) => {
      const issuer = links[depth] ?? assert.fail(`no link ${depth}`);
      const leafPem = issue({ name: 'localhost', ca: false, issuer, altNames: LOOPBACK }).pem;
      return chain(
        leafPem,
        ...links
          .slice(1, depth + 1)
          .reverse()
          .map((l) => l.pem),
      );
    };
    assert.equal(isTrustedDemoCertificate('127.0.0.1', under(3), root.pem), true, 'three intermediates');
    assert.equal(isTrustedDemoCertificate('127.0.0.1', under(4), root.pem), false, 'four intermediates');
  });

  it('refuses expired or not yet valid certificates, and a CA that is not a CA', () => {
    const now = new Date();
    assert.equal(
      isTrustedDemoCertificate('127.0.0.1', { data: leaf }, ca.certPem, new Date(Date.now() + 500 * DAY)),
      false,
    );
    assert.equal(
      isTrustedDemoCertificate('127.0.0.1', { data: leaf }, ca.certPem, new Date(Date.now() - 2 * DAY)),
      false,
    );
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: leaf }, ca.certPem, now), true, 'control');

    const expiredRoot = issue({ name: 'Old Root', ca: true, from: Date.now() - 20 * DAY, to: Date.now() - DAY });
    const underExpired = issue({ name: 'localhost', ca: false, issuer: expiredRoot, altNames: LOOPBACK });
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: underExpired.pem }, expiredRoot.pem), false);

    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: leaf }, leaf), false, 'a leaf as the "CA"');
  });

  it('refuses anything it cannot parse', () => {
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: leaf }, 'not a certificate'), false);
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: 'garbage' }, ca.certPem), false);
    assert.equal(isTrustedDemoCertificate('127.0.0.1', { data: '' }, ''), false);
    const root = issue({ name: 'Parse Root', ca: true });
    const intermediate = issue({ name: 'Parse Intermediate', ca: true, issuer: root });
    const underIntermediate = issue({ name: 'localhost', ca: false, issuer: intermediate, altNames: LOOPBACK }).pem;
    assert.equal(isTrustedDemoCertificate('127.0.0.1', chain(underIntermediate, 'junk'), root.pem), false);
    assert.equal(isTrustedDemoCertificate('127.0.0.1', chain(underIntermediate, intermediate.pem), root.pem), true);
  });
});

import { generateKeyPairSync, randomBytes, sign as cryptoSign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

/** The simulator's certificate authority: trusted by tests through NODE_EXTRA_CA_CERTS=<dir>/ca.pem. */
export interface TestCa {
  certPem: string;
  keyPem: string;
  /** Where ca.pem lives, when the CA came from a folder. */
  certFile: string | null;
}

export interface ServerCert {
  cert: string;
  key: string;
}

export const CA_FILE = 'ca.pem';
export const CA_KEY_FILE = 'ca-key.pem';

const DAY_MS = 24 * 60 * 60 * 1000;
// Browsers refuse leaf certificates valid for more than 398 days, even from a local root.
const LEAF_DAYS = 397;
const CA_YEARS = 10;

// Node's native RSA generation is fast; forge's pure-JS one takes seconds for 2048 bits.
function newKeyPair(): { publicKey: forge.pki.rsa.PublicKey; keyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey, keyPem: privateKey };
}

// forge signs in pure JavaScript; Node's crypto gives the same PKCS#1 v1.5 signature much faster.
function signCertificate(cert: forge.pki.Certificate, keyPem: string): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption ?? '1.2.840.113549.1.1.11';
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  cert.md = forge.md.sha256.create();
  // getTBSCertificate exists at run time but is missing from @types/node-forge.
  const pki = forge.pki as typeof forge.pki & { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 };
  cert.tbsCertificate = pki.getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary');
  cert.signature = cryptoSign('sha256', tbs, keyPem).toString('binary');
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive ASN.1 integer
  return bytes.toString('hex');
}

/** Creates a new CA, valid from yesterday for ten years. */
export function createTestCa(): TestCa {
  const { publicKey, keyPem } = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - DAY_MS);
  cert.validity.notAfter = new Date(now + CA_YEARS * 365 * DAY_MS);
  const subject = [
    { name: 'commonName', value: 'Zoom Password Admin Test CA' },
    { name: 'organizationName', value: 'Zoom Password Admin tests' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(cert, keyPem);
  return { certPem: forge.pki.certificateToPem(cert), keyPem, certFile: null };
}

const leafCache = new Map<string, ServerCert>();
// One file holding both, replaced atomically, so a reader never pairs a certificate with another key.
export const SERVER_BUNDLE_FILE = 'server-bundle.pem';
const RENEW_BEFORE_MS = 30 * DAY_MS;

function makeLeaf(
  issuer: { subject: forge.pki.CertificateField[]; keyPem: string; keyIdentifier: string | null },
  publicKey: forge.pki.rsa.PublicKey,
  commonName: string,
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - DAY_MS);
  cert.validity.notAfter = new Date(now + LEAF_DAYS * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(issuer.subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    ...(issuer.keyIdentifier === null ? [] : [{ name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier }]),
  ]);
  signCertificate(cert, issuer.keyPem);
  return forge.pki.certificateToPem(cert);
}

function readBundle(file: string, ca: TestCa): ServerCert | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(text)?.[0];
  const key = /-----BEGIN RSA PRIVATE KEY-----[\s\S]+?-----END RSA PRIVATE KEY-----\n?/.exec(text)?.[0];
  if (cert === undefined || key === undefined) return null;
  try {
    const leaf = forge.pki.certificateFromPem(cert);
    const caCert = forge.pki.certificateFromPem(ca.certPem);
    if (leaf.validity.notAfter.getTime() - Date.now() < RENEW_BEFORE_MS) return null;
    if (!caCert.verify(leaf)) return null;
  } catch {
    return null;
  }
  return { cert, key };
}

/**
 * A server certificate for localhost, 127.0.0.1 and ::1, signed by the CA. Cached in memory and,
 * for a CA read from a folder, in that folder (RSA key generation is slow on small machines).
 */
export function issueServerCert(ca: TestCa): ServerCert {
  const cached = leafCache.get(ca.certPem);
  if (cached !== undefined) return cached;
  const bundleFile = ca.certFile === null ? null : path.join(path.dirname(ca.certFile), SERVER_BUNDLE_FILE);
  let leaf = bundleFile === null ? null : readBundle(bundleFile, ca);
  if (leaf === null) {
    const caCert = forge.pki.certificateFromPem(ca.certPem);
    const { publicKey, keyPem } = newKeyPair();
    const issuer = {
      subject: caCert.subject.attributes,
      keyPem: ca.keyPem,
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    };
    leaf = { cert: makeLeaf(issuer, publicKey, 'localhost'), key: keyPem };
    if (bundleFile !== null) {
      const temp = `${bundleFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(temp, leaf.cert + leaf.key, { mode: 0o600 });
      fs.renameSync(temp, bundleFile);
    }
  }
  leafCache.set(ca.certPem, leaf);
  return leaf;
}

/** A self-signed certificate for localhost/127.0.0.1 that no test trusts (the "untrusted server" case). */
export function createUntrustedServerCert(): ServerCert {
  const { publicKey, keyPem } = newKeyPair();
  const subject = [{ name: 'commonName', value: 'localhost' }];
  return { cert: makeLeaf({ subject, keyPem, keyIdentifier: null }, publicKey, 'localhost'), key: keyPem };
}

function readCa(dir: string): TestCa | null {
  const certFile = path.join(dir, CA_FILE);
  try {
    return {
      certPem: fs.readFileSync(certFile, 'utf8'),
      keyPem: fs.readFileSync(path.join(dir, CA_KEY_FILE), 'utf8'),
      certFile,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Reads the CA from `dir`, or creates it there (ca.pem + ca-key.pem). Safe when several processes
 * start at once: the first to publish its key wins and the others read its files.
 */
export function loadOrCreateTestCa(dir: string): TestCa {
  const existing = readCa(dir);
  if (existing !== null) return existing;
  fs.mkdirSync(dir, { recursive: true });
  const ca = createTestCa();
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const keyFile = path.join(dir, CA_KEY_FILE);
  const certFile = path.join(dir, CA_FILE);
  fs.writeFileSync(keyFile + suffix, ca.keyPem, { mode: 0o600 });
  fs.writeFileSync(certFile + suffix, ca.certPem, { mode: 0o644 });
  try {
    // link() fails if the key already exists: another process got there first.
    fs.linkSync(keyFile + suffix, keyFile);
    fs.renameSync(certFile + suffix, certFile);
    return { ...ca, certFile };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return waitForCa(dir);
  } finally {
    fs.rmSync(keyFile + suffix, { force: true });
    fs.rmSync(certFile + suffix, { force: true });
  }
}

function waitForCa(dir: string): TestCa {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ca = readCa(dir);
    if (ca !== null) return ca;
    if (Date.now() > deadline) throw new Error(`The test CA in ${dir} is incomplete: delete the folder and try again.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

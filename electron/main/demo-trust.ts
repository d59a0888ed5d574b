import { X509Certificate } from 'node:crypto';
import { isLoopbackHost } from '../node/zoom/api-base';

/** The parts of Electron's Certificate structure used here (PEM data and the chain above it). */
export interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike | null;
}

const MAX_CHAIN = 4;

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function isCurrent(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/**
 * True when the server certificate for `hostname` is a loopback certificate issued (directly or through
 * intermediates the server sent) by the demo CA, names that host, and is within its dates. Nothing
 * else is trusted by the demo: every other host keeps Chromium's own verdict.
 */
export function isTrustedDemoCertificate(
  hostname: string,
  certificate: CertificateLike,
  caPem: string,
  now: Date = new Date(),
): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isLoopbackHost(host)) return false;
  const ca = parse(caPem);
  const leaf = parse(certificate.data);
  if (ca === null || leaf === null || !ca.ca || !isCurrent(ca, now) || !isCurrent(leaf, now)) return false;
  const namesHost = /^[\d.]+$|:/.test(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  if (!namesHost) return false;

  let current = leaf;
  let next = certificate.issuerCert ?? null;
  for (let depth = 0; depth < MAX_CHAIN; depth += 1) {
    if (issuedBy(current, ca)) return true;
    const parent = next === null ? null : parse(next.data);
    if (parent === null || !parent.ca || !isCurrent(parent, now) || !issuedBy(current, parent)) return false;
    current = parent;
    next = next?.issuerCert ?? null;
  }
  return false;
}

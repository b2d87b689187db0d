import type { PortholeError } from '../../contract';
import type { EngineConfig } from './detect';
import { toPortholeError } from './errors';

interface SysError {
  code?: string;
  message?: string;
}

const UNTRUSTED_CERT = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

/**
 * A failed connection in words a person can act on. TLS failures say which side refused and
 * which file to check; everything else is the engine's (or the OS's) own error.
 */
export function describeConnectError(err: unknown, config: EngineConfig): PortholeError {
  const e = (err ?? {}) as SysError;
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  const tls = config.endpoint.kind === 'tcp' ? config.endpoint.tls : undefined;
  if (UNTRUSTED_CERT.has(code)) {
    return {
      code: 'FORBIDDEN',
      message: `Refused: the engine’s TLS certificate is not signed by ${tls?.ca ? `the CA certificate ${tls.ca}` : 'a CA this machine trusts'} (${message}).`,
      hint: 'Use the ca.pem that signed the engine’s certificate (the same one `docker --tlscacert` uses).',
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'CERT_HAS_EXPIRED') {
    return {
      code: 'FORBIDDEN',
      message: `Refused: the engine’s TLS certificate is not valid for this address (${message}).`,
      hint: 'Connect with the name or IP the certificate was issued for, or renew it.',
    };
  }
  if (
    /alert (bad certificate|certificate required|unknown ca)|tlsv13 alert certificate required/i.test(
      message,
    )
  ) {
    return {
      code: 'FORBIDDEN',
      message: `The engine refused Porthole’s client certificate (${message}).`,
      hint: 'Give the client certificate and key the engine’s CA signed (cert.pem and key.pem).',
    };
  }
  if (tls && /HTTP request to an HTTPS server/i.test(message)) {
    return { code: 'INVALID_INPUT', message: 'The engine speaks TLS: add its certificates.' };
  }
  if (!tls && config.endpoint.kind === 'tcp' && /HTTP request to an HTTPS server/i.test(message)) {
    return {
      code: 'INVALID_INPUT',
      message:
        'The engine expects TLS (it answered “Client sent an HTTP request to an HTTPS server”).',
      hint: 'Add the CA certificate, client certificate and client key.',
    };
  }
  const out = toPortholeError(err);
  if (out.code === 'ENGINE_UNREACHABLE' || out.code === 'INTERNAL') {
    // The generic "Cannot reach the container engine (ECONNREFUSED)" plus where we looked.
    return {
      ...out,
      message: `${out.message.replace(/\.$/, '')} at ${config.address ?? 'its address'}.`,
    };
  }
  return out;
}

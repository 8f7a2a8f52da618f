/**
 * Where the signing key lives: a PKCS #12 file (opened with its password, the key kept in memory for
 * this one signature), or a token reached through its PKCS #11 library (a USB token's middleware,
 * SoftHSM in tests): there the key never leaves the token, which signs the bytes it is given.
 * node-forge and pkcs11js load only here, only when signing; pkcs11js is an optional native part.
 */
import { createPrivateKey, createPublicKey, sign as signWith, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { certInfo, pathIn, type CertInfo } from './sign-cert.js';
import type { KeySigner } from './sign-cms.js';
import { DerError, seq, tlv } from './sign-der.js';

export interface OpenedKey extends KeySigner {
  certificate: CertInfo;
  /** Ends the session with the token (a no-op for a file). */
  close(): void;
}

function spki(k: KeyObject): Buffer {
  return (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
}

// ---------------------------------------------------------------------------------------------
// PKCS #12

/** Opens a .p12/.pfx file: the key and the certificate that goes with it, and the rest of the chain. */
export async function openP12(file: string, password: string): Promise<OpenedKey> {
  if (!existsSync(file)) throw new NotFoundError('sign.p12Missing', { file });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ValidationError('sign.p12Unreadable', { file });
  }
  const forge = (await import('node-forge')).default;
  let p12: import('node-forge').pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw new ValidationError('sign.badPassword', { file });
    throw new ValidationError('sign.p12Unreadable', { file });
  }
  const der = (a: import('node-forge').asn1.Asn1) => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary');
  const keys: KeyObject[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      if (info) keys.push(createPrivateKey({ key: der(info), format: 'der', type: 'pkcs8' }));
    }
  }
  const certs: CertInfo[] = [];
  for (const bag of p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []) {
    const a = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (!a) continue;
    try {
      certs.push(certInfo(der(a)));
    } catch (e) {
      if (!(e instanceof DerError)) throw e;
    }
  }
  for (const key of keys) {
    const pub = spki(key);
    const cert = certs.find((c) => spki(c.x509.publicKey).equals(pub));
    if (!cert) continue;
    const type = key.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') throw new ValidationError('sign.keyType', { type: type ?? '?' });
    return {
      algorithm: type,
      certificate: cert,
      certificates: pathIn(cert, certs).path.map((c) => c.der),
      sign: async (data) => signWith('sha256', data, { key, dsaEncoding: 'der' }),
      close() {},
    };
  }
  throw new ValidationError('sign.p12NoKey', { file });
}

// ---------------------------------------------------------------------------------------------
// PKCS #11

/** The part of pkcs11js used here (declared, so the program builds where the optional addon is absent). */
interface Pkcs11 {
  load(path: string): void;
  C_Initialize(): void;
  C_Finalize(): void;
  close(): void;
  C_GetSlotList(tokenPresent?: boolean): Buffer[];
  C_GetSlotInfo(slot: Buffer): { slotDescription: string; flags: number };
  C_GetTokenInfo(slot: Buffer): { label: string; flags: number };
  C_OpenSession(slot: Buffer, flags: number): Buffer;
  C_CloseSession(session: Buffer): void;
  C_Login(session: Buffer, userType: number, pin?: string): void;
  C_Logout(session: Buffer): void;
  C_FindObjectsInit(session: Buffer, template: { type: number; value?: number | boolean | Buffer }[]): void;
  C_FindObjects(session: Buffer, max: number): Buffer[];
  C_FindObjectsFinal(session: Buffer): void;
  C_GetAttributeValue(session: Buffer, object: Buffer, template: { type: number }[]): { type: number; value?: Buffer }[];
  C_SignInit(session: Buffer, mechanism: { mechanism: number }, key: Buffer): void;
  C_Sign(session: Buffer, data: Buffer, out: Buffer): Buffer;
}

const CK = {
  CKF_TOKEN_PRESENT: 0x1,
  CKF_TOKEN_INITIALIZED: 0x400,
  CKF_USER_PIN_LOCKED: 0x40000,
  CKF_SERIAL_SESSION: 0x4,
  CKU_USER: 1,
  CKO_CERTIFICATE: 1,
  CKO_PRIVATE_KEY: 3,
  CKA_CLASS: 0x0,
  CKA_VALUE: 0x11,
  CKA_ID: 0x102,
  CKA_KEY_TYPE: 0x100,
  CKK_RSA: 0x0,
  CKK_EC: 0x3,
  CKM_RSA_PKCS: 0x1,
  CKM_ECDSA: 0x1041,
};

/** How pkcs11js names a PKCS #11 return value ("CKR_PIN_INCORRECT"), or ''. */
function ckr(e: unknown): string {
  const m = /CKR_[A-Z_]+/.exec(String((e as Error)?.message ?? ''));
  return m ? m[0] : '';
}

/** The part of a DigestInfo before a SHA-256 hash (RSA PKCS #1 v1.5 signs DigestInfo, the token only pads). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** ECDSA's r‖s as a token returns it, to the DER SEQUENCE CMS carries. */
function ecdsaDer(raw: Buffer): Buffer {
  const half = raw.length / 2;
  const integer = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return tlv(0x02, v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
  };
  return seq(integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}

async function loadPkcs11(): Promise<Pkcs11> {
  let mod: { PKCS11: new () => Pkcs11; default?: { PKCS11: new () => Pkcs11 } };
  try {
    // Kept out of the bundle (a native addon): found in node_modules at run time.
    const name = 'pkcs11js';
    mod = (await import(/* @vite-ignore */ name)) as typeof mod;
  } catch {
    throw new WorkflowError('sign.noPkcs11js');
  }
  const PKCS11 = mod.PKCS11 ?? mod.default?.PKCS11;
  return new PKCS11();
}

export interface TokenRequest {
  library: string;
  /** The slot as `pkcs11-tool --list-slots` numbers it: its id, or its position in the list. */
  slot: number;
  pin: () => Promise<string>;
}

/** Opens a session on the token, logs in and finds the signing key and its certificate. */
export async function openToken(req: TokenRequest, at: Date): Promise<OpenedKey> {
  if (!existsSync(req.library)) throw new NotFoundError('sign.pkcs11Missing', { library: req.library });
  const p11 = await loadPkcs11();
  try {
    p11.load(req.library);
  } catch (e) {
    throw new ValidationError('sign.pkcs11NotLibrary', { library: req.library, reason: String((e as Error).message ?? e).split('\n')[0] });
  }
  let session: Buffer | null = null;
  let loggedIn = false;
  const end = () => {
    try {
      if (session && loggedIn) p11.C_Logout(session);
      if (session) p11.C_CloseSession(session);
    } catch {
      // the token may be gone already
    }
    try {
      p11.C_Finalize();
    } catch {
      // nothing to end
    }
    try {
      p11.close();
    } catch {
      // already closed
    }
  };
  try {
    p11.C_Initialize();
    const all = p11.C_GetSlotList(false);
    const slotId = (s: Buffer) => (s.length >= 8 ? Number(s.readBigUInt64LE(0)) : s.readUInt32LE(0));
    const slot = all.find((s) => slotId(s) === req.slot) ?? (Number.isInteger(req.slot) && req.slot < all.length ? all[req.slot] : undefined);
    const present = p11.C_GetSlotList(true).filter((s) => p11.C_GetTokenInfo(s).flags & CK.CKF_TOKEN_INITIALIZED);
    const listing = present.map((s) => `${all.findIndex((a) => a.equals(s))} (0x${slotId(s).toString(16)}) «${p11.C_GetTokenInfo(s).label.trim()}»`).join(', ');
    if (!slot || !(p11.C_GetSlotInfo(slot).flags & CK.CKF_TOKEN_PRESENT) || !present.some((s) => s.equals(slot))) {
      throw new WorkflowError(present.length === 0 ? 'sign.noToken' : 'sign.tokenNotInSlot', { slot: req.slot, slots: listing, library: req.library });
    }
    const token = p11.C_GetTokenInfo(slot);
    if (token.flags & CK.CKF_USER_PIN_LOCKED) throw new WorkflowError('sign.pinLocked', { token: token.label.trim() });
    session = p11.C_OpenSession(slot, CK.CKF_SERIAL_SESSION);
    const pin = await req.pin();
    try {
      p11.C_Login(session, CK.CKU_USER, pin);
      loggedIn = true;
    } catch (e) {
      const code = ckr(e);
      if (code === 'CKR_USER_ALREADY_LOGGED_IN') loggedIn = true;
      else if (code === 'CKR_PIN_LOCKED') throw new WorkflowError('sign.pinLocked', { token: token.label.trim() });
      else if (code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_LEN_RANGE' || code === 'CKR_PIN_INVALID') throw new ValidationError('sign.badPin', { token: token.label.trim() });
      else throw e;
    }
    const find = (template: { type: number; value?: number | boolean | Buffer }[]) => {
      p11.C_FindObjectsInit(session!, template);
      const found = p11.C_FindObjects(session!, 100);
      p11.C_FindObjectsFinal(session!);
      return found;
    };
    const attr = (o: Buffer, type: number) => p11.C_GetAttributeValue(session!, o, [{ type }])[0]?.value ?? Buffer.alloc(0);
    // Each private key with a certificate of the same CKA_ID: the usable signing identities.
    const pairs: { key: Buffer; cert: CertInfo; keyType: number }[] = [];
    for (const key of find([{ type: CK.CKA_CLASS, value: CK.CKO_PRIVATE_KEY }])) {
      const id = attr(key, CK.CKA_ID);
      for (const c of find([{ type: CK.CKA_CLASS, value: CK.CKO_CERTIFICATE }, { type: CK.CKA_ID, value: id }])) {
        try {
          pairs.push({ key, cert: certInfo(attr(c, CK.CKA_VALUE)), keyType: attr(key, CK.CKA_KEY_TYPE).readUInt32LE(0) });
        } catch (e) {
          if (!(e instanceof DerError)) throw e;
        }
      }
    }
    if (pairs.length === 0) throw new WorkflowError('sign.tokenNoKey', { token: token.label.trim() });
    // Several identities: the one valid now that may sign, the newest first.
    pairs.sort((a, b) => rank(b.cert, at) - rank(a.cert, at) || b.cert.notBefore.getTime() - a.cert.notBefore.getTime());
    const chosen = pairs[0];
    // The rest of its chain, as far as the token holds it (other holders' certificates stay out).
    const pool: CertInfo[] = [];
    for (const c of find([{ type: CK.CKA_CLASS, value: CK.CKO_CERTIFICATE }])) {
      try {
        pool.push(certInfo(attr(c, CK.CKA_VALUE)));
      } catch (e) {
        if (!(e instanceof DerError)) throw e;
      }
    }
    const chain = pathIn(chosen.cert, pool).path.slice(1).map((c) => c.der);
    const ec = chosen.keyType === CK.CKK_EC;
    if (!ec && chosen.keyType !== CK.CKK_RSA) throw new ValidationError('sign.keyType', { type: String(chosen.keyType) });
    return {
      algorithm: ec ? 'ec' : 'rsa',
      certificate: chosen.cert,
      certificates: [chosen.cert.der, ...chain],
      async sign(data) {
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256').update(data).digest();
        try {
          p11.C_SignInit(session!, { mechanism: ec ? CK.CKM_ECDSA : CK.CKM_RSA_PKCS }, chosen.key);
          const out = p11.C_Sign(session!, ec ? hash : Buffer.concat([SHA256_DIGEST_INFO, hash]), Buffer.alloc(1024));
          return ec ? ecdsaDer(out) : Buffer.from(out);
        } catch (e) {
          const code = ckr(e);
          if (code === 'CKR_DEVICE_REMOVED' || code === 'CKR_TOKEN_NOT_PRESENT' || code === 'CKR_SESSION_HANDLE_INVALID') throw new WorkflowError('sign.tokenRemoved', { token: token.label.trim() });
          throw new WorkflowError('sign.tokenFailed', { token: token.label.trim(), reason: code || String((e as Error).message) });
        }
      },
      close: end,
    };
  } catch (e) {
    end();
    const code = ckr(e);
    if (code === 'CKR_DEVICE_REMOVED' || code === 'CKR_TOKEN_NOT_PRESENT') throw new WorkflowError('sign.noToken', { slot: req.slot, slots: '', library: req.library });
    // Any other answer of the library (not initialised, a general error…): said as the library said it.
    if (code) throw new WorkflowError('sign.tokenFailed', { token: req.library, reason: code });
    throw e;
  }
}

/** Which of a token's identities to use: one that may sign and is valid now above all. */
function rank(c: CertInfo, at: Date): number {
  const usable = c.keyUsage === null || c.keyUsage.digitalSignature || c.keyUsage.nonRepudiation;
  const valid = at >= c.notBefore && at <= c.notAfter;
  return (usable ? 2 : 0) + (valid ? 1 : 0);
}

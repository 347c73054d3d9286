/**
 * 国密 primitives from Node's OpenSSL: SM3 for hashes and SM4 for field
 * encryption. Node 20's OpenSSL has no sm4-gcm, so fields use SM4-CBC with
 * an HMAC-SM3 tag over IV and ciphertext (encrypt, then MAC).
 */
import crypto from 'node:crypto';

export function sm3Hex(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

const FORMAT_VERSION = 'v1';

/** Encrypts and decrypts short text fields (phone numbers) with one 32-byte key. */
export class FieldCipher {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;

  /** `keyHex` is 64 hex characters: the first 16 bytes key SM4, the last 16 key HMAC-SM3. */
  constructor(keyHex: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
      throw new Error('The field encryption key must be 64 hexadecimal characters (32 bytes)');
    }
    const key = Buffer.from(keyHex, 'hex');
    this.encryptionKey = key.subarray(0, 16);
    this.macKey = key.subarray(16, 32);
  }

  static generateKeyHex(): string {
    return crypto.randomBytes(32).toString('hex');
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-cbc', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = this.tag(iv, body);
    return [FORMAT_VERSION, iv.toString('base64'), body.toString('base64'), tag.toString('base64')].join('.');
  }

  /** Throws when the value was altered or encrypted with another key. */
  decrypt(encoded: string): string {
    const [version, ivText, bodyText, tagText] = encoded.split('.');
    if (version !== FORMAT_VERSION || !ivText || !bodyText || !tagText) {
      throw new Error('Encrypted field has an unknown format');
    }
    const iv = Buffer.from(ivText, 'base64');
    const body = Buffer.from(bodyText, 'base64');
    const expected = this.tag(iv, body);
    const actual = Buffer.from(tagText, 'base64');
    if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) {
      throw new Error('Encrypted field failed its integrity check');
    }
    const decipher = crypto.createDecipheriv('sm4-cbc', this.encryptionKey, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptOptional(encoded: string | null | undefined): string | null {
    return encoded ? this.decrypt(encoded) : null;
  }

  private tag(iv: Buffer, body: Buffer): Buffer {
    return crypto.createHmac('sm3', this.macKey).update(iv).update(body).digest();
  }
}

/** Masks a phone number for roles that may not read it: 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 4) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Archive passwords rest sealed (AES-256-GCM) so that a database dump or a backup does not hand out
 * the шифр of every school before 07:30. The key lives beside the blobs, outside the database.
 */
export class PasswordSeal {
  private constructor(private readonly key: Buffer) {}

  /** Reads DATA_DIR/secrets/materials.key, creating it (0600) on first use; all servers share DATA_DIR. */
  static fromDataDir(dataDir: string): PasswordSeal {
    const file = path.join(dataDir, 'secrets', 'materials.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        // another process created it first: use theirs
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file}: ключ должен содержать 32 байта`);
    return new PasswordSeal(key);
  }

  static withKey(key: Buffer): PasswordSeal {
    return new PasswordSeal(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
  }

  unseal(sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
    if (!iv || !tag || !body) throw new Error('повреждённый шифр');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}

// no 0/O, 1/l/I: the password is read off a screen and typed into 7-Zip
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** 16 characters from 56: about 93 bits, typed by hand once. */
export function newArchivePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

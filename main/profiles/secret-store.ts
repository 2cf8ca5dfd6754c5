import fs from 'node:fs';
import path from 'node:path';
import { registerSecret } from '../core/redact';
import { refusal } from '../../shared/errors/error-text';

/** How a token is turned into bytes at rest. Electron encrypts with the OS keychain (safeStorage). */
export interface SecretCodec {
  /** File name inside the profile's folder; differs per codec so one never reads the other's bytes. */
  fileName: string;
  encode(plain: string): Buffer;
  decode(stored: Buffer): string;
}

export interface SecretStore {
  has(profileDir: string): boolean;
  read(profileDir: string): string | null;
  write(profileDir: string, token: string): void;
  remove(profileDir: string): void;
}

/**
 * Browser mode and CLI: the token sits in a file only its owner can read (0600), inside the profile's
 * folder. It is never logged: every value read or written is registered with the redactor.
 */
export const plainFileCodec: SecretCodec = {
  fileName: 'token',
  encode: (plain) => Buffer.from(plain, 'utf8'),
  decode: (stored) => stored.toString('utf8').trim(),
};

export function createSecretStore(codec: SecretCodec): SecretStore {
  return {
    has(profileDir) {
      return fs.existsSync(path.join(profileDir, codec.fileName));
    },
    read(profileDir) {
      let stored: Buffer;
      try {
        stored = fs.readFileSync(path.join(profileDir, codec.fileName));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw refusal('token_unreadable', 'profile.tokenUnreadable', {});
      }
      let token: string;
      try {
        token = codec.decode(stored);
      } catch {
        throw refusal('token_unreadable', 'profile.tokenUndecryptable', {});
      }
      registerSecret(token);
      return token;
    },
    write(profileDir, token) {
      registerSecret(token);
      fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
      const file = path.join(profileDir, codec.fileName);
      const temporary = `${file}.tmp`;
      fs.writeFileSync(temporary, codec.encode(token), { mode: 0o600 });
      fs.chmodSync(temporary, 0o600);
      fs.renameSync(temporary, file);
    },
    remove(profileDir) {
      fs.rmSync(path.join(profileDir, codec.fileName), { force: true });
    },
  };
}

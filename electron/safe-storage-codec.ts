import { safeStorage } from 'electron';
import type { SecretCodec } from '../main/profiles/secret-store';

/**
 * Tokens encrypted with the OS keychain (Keychain, DPAPI, libsecret/kwallet). Where Linux has no keyring,
 * Electron falls back to a hard-coded key ('basic_text'): we refuse that rather than pretend to encrypt.
 */
export function safeStorageCodec(): SecretCodec {
  return {
    fileName: 'token.enc',
    encode(plain) {
      if (
        !safeStorage.isEncryptionAvailable() ||
        (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
      ) {
        throw new Error(
          'No OS keychain is available to encrypt the web service token. Install and unlock a keyring (GNOME Keyring or KWallet).',
        );
      }
      return safeStorage.encryptString(plain);
    },
    decode(stored) {
      return safeStorage.decryptString(stored);
    },
  };
}

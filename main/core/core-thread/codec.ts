import type { MessagePort } from 'node:worker_threads';
import { registerSecret } from '../redact';
import type { SecretCodec } from '../../profiles/secret-store';

/**
 * Electron's safeStorage answers on the main process's main thread only, and the secret store calls its codec
 * synchronously. So the core thread asks the host and waits on a shared buffer for the answer: a token is
 * read a few times per session, and the host's thread only relays messages, so it answers at once.
 *
 * The buffer: two Int32 (state, length of the answer), then the answer's bytes (the encoded token, or the
 * decoded one, or the error's message).
 */
const PENDING = 0;
const DONE = 1;
const FAILED = 2;
const HEADER_BYTES = 8;
const CHANNEL_BYTES = HEADER_BYTES + 64 * 1024;
const WAIT_MS = 30_000;

export function codecChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer(CHANNEL_BYTES);
}

/** On the core thread: a codec whose every call is answered by the host's codec (answerCodecCall). */
export function codecThroughHost(port: MessagePort, channel: SharedArrayBuffer, fileName: string): SecretCodec {
  const header = new Int32Array(channel, 0, 2);
  const body = new Uint8Array(channel, HEADER_BYTES);
  const call = (op: 'encode' | 'decode', data: Uint8Array): Buffer => {
    Atomics.store(header, 0, PENDING);
    // A copy: a small Buffer is a view on a shared pool, which would be cloned whole.
    port.postMessage({ type: 'codec', op, data: new Uint8Array(data) });
    if (Atomics.wait(header, 0, PENDING, WAIT_MS) === 'timed-out') throw new Error('The token store did not answer.');
    const answer = Buffer.from(body.slice(0, Atomics.load(header, 1)));
    if (Atomics.load(header, 0) === FAILED) throw new Error(answer.toString('utf8'));
    return answer;
  };
  return {
    fileName,
    encode: (plain) => call('encode', Buffer.from(plain, 'utf8')),
    decode: (stored) => call('decode', stored).toString('utf8'),
  };
}

/** On the host: runs one call with the real codec and wakes the waiting core thread. */
export function answerCodecCall(codec: SecretCodec, channel: SharedArrayBuffer, op: 'encode' | 'decode', data: Uint8Array): void {
  const header = new Int32Array(channel, 0, 2);
  const body = new Uint8Array(channel, HEADER_BYTES);
  let state = DONE;
  let answer: Buffer;
  try {
    if (op === 'encode') {
      const plain = Buffer.from(data).toString('utf8');
      registerSecret(plain);
      answer = codec.encode(plain);
    } else {
      const plain = codec.decode(Buffer.from(data));
      registerSecret(plain);
      answer = Buffer.from(plain, 'utf8');
    }
    if (answer.length > body.length) throw new Error('The token is too long to be stored.');
  } catch (error) {
    state = FAILED;
    answer = Buffer.from((error as Error).message, 'utf8').subarray(0, body.length);
  }
  body.set(answer);
  Atomics.store(header, 1, answer.length);
  Atomics.store(header, 0, state);
  Atomics.notify(header, 0);
}

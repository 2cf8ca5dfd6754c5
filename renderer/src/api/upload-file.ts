import type { BackofficeApi } from '../../../shared/contract';

/** Bytes to base64 by slices: String.fromCharCode over megabytes at once overflows the stack. */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file the operator picked to the core, chunk by chunk (uploads.*), and gives the upload's id for
 * the command that reads it. Only one chunk is read into memory at a time, so a file of hundreds of
 * megabytes goes through either transport. A failure or an abort discards what was sent.
 */
export async function uploadFile(
  api: BackofficeApi,
  file: Blob & { name: string },
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const { id, chunkBytes } = await api.invoke('uploads.begin', { name: file.name, size: file.size });
  try {
    let offset = 0;
    onProgress?.(0, file.size);
    while (offset < file.size) {
      // The dialog closed or another file was picked: stop sending, and drop what was sent.
      signal?.throwIfAborted();
      const chunk = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      ({ received: offset } = await api.invoke('uploads.append', { id, offset, base64: base64OfBytes(chunk) }));
      onProgress?.(offset, file.size);
    }
    signal?.throwIfAborted();
    return id;
  } catch (failure) {
    api.invoke('uploads.discard', { id }).catch(() => {
      // Already gone; the next start sweeps what is left anyway.
    });
    throw failure;
  }
}

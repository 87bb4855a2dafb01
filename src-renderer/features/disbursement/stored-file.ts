import { useEffect, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { fromBase64 } from '@shared/encoding/bytes';
import { call } from '../../platform';

/** A file held in memory for preview and saving: a blob: URL (nothing written to disk until the clerk saves it). */
export interface LoadedFile {
  url: string;
  mediaType: string;
  fileName: string;
}

export function blobFile(base64: string, mediaType: string, fileName: string): LoadedFile {
  const blob = new Blob([fromBase64(base64) as Uint8Array<ArrayBuffer>], { type: mediaType });
  return { url: URL.createObjectURL(blob), mediaType, fileName };
}

/**
 * Saves a loaded file: a download link clicked for the clerk. Electron shows its save dialog for it; a browser
 * downloads it (as the registration forms do).
 */
export function saveFile(file: LoadedFile): void {
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** A stored file of the enterprise (a certificate, the stamped receipt or the phone's photo), loaded while `sha256` is set. */
export function useStoredFile(sha256: string | null, fileName: string): { file: LoadedFile | null; error: AppError | null; reload(): void } {
  const [state, setState] = useState<{ key: string; file: LoadedFile | null; error: AppError | null }>({ key: '', file: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!sha256) return;
    let live = true;
    let loaded: LoadedFile | null = null;
    void call((api) => api.disbursement.downloadFile({ sha256, fileName })).then((r) => {
      if (!live) return;
      if (r.ok) {
        loaded = blobFile(r.value.content, r.value.mediaType, r.value.fileName);
        setState({ key: sha256, file: loaded, error: null });
      } else setState({ key: sha256, file: null, error: r.error });
    });
    return () => {
      live = false;
      if (loaded) URL.revokeObjectURL(loaded.url);
    };
  }, [sha256, fileName, attempt]);
  const current = state.key === sha256 ? state : { file: null, error: null };
  return { file: current.file, error: current.error, reload: () => setAttempt((n) => n + 1) };
}

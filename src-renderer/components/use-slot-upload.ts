import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachmentRef, UploadPurpose } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { call, subscribe } from '../platform';
import { checkFile, readBase64 } from './upload-file';
import { activityAfter, ownUpload, percentOf, sendFile, type SlotActivity } from './upload-slot-logic';

/**
 * One slot's upload as React state (UploadSlot, MaterialSlot): choose → checked here (type by content, size, as the
 * server would) → handed to main, which sends it over tus with progress (`upload.progress`) → paused while the line
 * is down (main goes on by itself; `resume` tries now) → done: `onUploaded` records the server's AttachmentRef
 * (named as the chosen file) and may refuse (its error is shown). After a restart the slot finds its unfinished
 * upload again by `slot`.
 */
/** How one upload ended for now: recorded, paused (main goes on by itself) or refused. */
export type Outcome = 'done' | 'paused' | 'failed';

export function useSlotUpload(opts: {
  purpose: UploadPurpose;
  requirement: string;
  slot: string;
  onUploaded(ref: AttachmentRef, file: File | null): void | Promise<Result<unknown>>;
  /** Keep an image preview of the last file (a blob: URL, revoked when replaced). */
  thumbnail?: boolean | undefined;
}) {
  const { purpose, slot, thumbnail } = opts;
  const [activity, setActivity] = useState<SlotActivity>({ kind: 'idle' });
  const [preview, setPreview] = useState<string | null>(null);
  const onUploaded = useRef(opts.onUploaded);
  onUploaded.current = opts.onUploaded;
  const requirement = useRef(opts.requirement);
  requirement.current = opts.requirement;
  const chosen = useRef<File | null>(null);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  // Main says "done" twice, by its `upload.state` event and by the answer to `send`: the owner records it once
  // (a second record would find the file already listed and call it a duplicate).
  const finished = useRef(new Set<string>());
  /** The server has the file: the slot's owner records it, then main may forget the upload. */
  const finish = useCallback(async (uploadId: string, ref: AttachmentRef): Promise<Outcome> => {
    if (finished.current.has(uploadId)) return 'done';
    finished.current.add(uploadId);
    const file = chosen.current;
    const recorded = await onUploaded.current(ref, file);
    if (recorded && !recorded.ok) {
      finished.current.delete(uploadId);
      setActivity({ kind: 'failed', error: recorded.error, retry: recorded.error.retriable ? () => void finish(uploadId, ref) : null });
      return 'failed';
    }
    void call((api) => api.uploads.discard({ uploadId }));
    setPreview(thumbnail && file && ref.mediaType !== 'application/pdf' ? URL.createObjectURL(file) : null);
    setActivity({ kind: 'idle' });
    return 'done';
  }, [thumbnail]);

  const settle = useCallback(
    async (uploadId: string, result: Result<AttachmentRef>): Promise<Outcome> => {
      if (result.ok) return finish(uploadId, result.value);
      // A refusal ends the upload in main too; anything retriable stays there, resumable.
      if (!result.error.retriable) void call((api) => api.uploads.discard({ uploadId }));
      const next = activityAfter(uploadId, result, () => void resume(uploadId)) ?? { kind: 'idle' as const };
      setActivity(next);
      return next.kind === 'paused' ? 'paused' : 'failed';
    },
    // `resume` is a function declaration below: hoisted, and it only uses setters and `call`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [finish],
  );

  async function resume(uploadId: string) {
    setActivity({ kind: 'sending', uploadId, percent: 0 });
    await settle(uploadId, await call((api) => api.uploads.resume({ uploadId })));
  }

  // Main's word on the slot's upload: progress, paused, and done after it went on by itself.
  const uploadId = activity.kind === 'sending' || activity.kind === 'paused' ? activity.uploadId : null;
  useEffect(() => {
    if (!uploadId) return undefined;
    const offProgress = subscribe('upload.progress', (p) => {
      if (p.uploadId === uploadId) setActivity({ kind: 'sending', uploadId, percent: percentOf(p.sent, p.total) });
    });
    const offState = subscribe('upload.state', (s) => {
      if (s.uploadId !== uploadId) return;
      if (s.status === 'done' && s.attachment) void finish(uploadId, s.attachment);
      else if (s.status === 'paused') setActivity({ kind: 'paused', uploadId, error: { code: s.error ?? 'SERVER_UNREACHABLE', retriable: true } });
    });
    return () => {
      offProgress();
      offState();
    };
  }, [uploadId, finish]);

  // After a restart: the slot's own unfinished upload, if main still has it.
  useEffect(() => {
    let live = true;
    void call((api) => api.uploads.list({ purpose })).then((r) => {
      const own = live && r.ok ? ownUpload(r.value.uploads, slot) : null;
      if (!own) return;
      if (own.status === 'done' && own.attachment) void finish(own.uploadId, own.attachment);
      else setActivity({ kind: 'paused', uploadId: own.uploadId, error: { code: own.error ?? 'SERVER_UNREACHABLE', retriable: true } });
    });
    return () => {
      live = false;
    };
  }, [purpose, slot, finish]);

  /** Sends `file`; resolves when it is recorded, paused or refused (also shown by `activity`). */
  const upload = async (file: File): Promise<Outcome> => {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const checked = checkFile(file, head);
    if (!checked.ok) {
      setActivity({ kind: 'failed', error: checked.error, retry: null });
      return 'failed';
    }
    chosen.current = file;
    const id = crypto.randomUUID();
    setActivity({ kind: 'sending', uploadId: id, percent: 0 });
    const outcome = await call(async (api) => ({ ok: true as const, value: await sendFile(api.uploads, readBase64, { uploadId: id, purpose, requirement: requirement.current, slot }, file) }));
    if (!outcome.ok) {
      setActivity({ kind: 'failed', error: outcome.error, retry: () => void upload(file) });
      return 'failed';
    }
    const { sent, result } = outcome.value;
    if (sent) return settle(id, result);
    if (!result.ok) setActivity({ kind: 'failed', error: result.error, retry: result.error.retriable ? () => void upload(file) : null });
    return 'failed';
  };

  return { activity, setActivity, preview, upload, resume };
}

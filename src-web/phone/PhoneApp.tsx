/**
 * The phone page for the stamped receipt (手机端收据拍照, manual 001 §2): the link's receipt, the rear camera with an
 * alignment frame of the receipt's crop-frame aspect, capture → crop to the frame → preview (重拍 / 上传) → upload with
 * progress → done. Without a camera (none, denied, insecure origin) a file input takes a photo or a picture, which is
 * cropped to the frame's aspect around its centre. An invalid, expired or spent link says so and shows no camera.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { fenToFigures } from '@shared/money/capital';
import { fetchInfo, PhoneError, UNREACHABLE, uploadPhoto, type PhoneReceiptInfo } from './api';
import { centreCrop, coverRectToSource, frameInBox, type Rect } from './crop';
import { encodeCrop } from './encode';
import { phoneText, type PhoneLang, type PhoneMessageKey } from './messages';

type T = (key: PhoneMessageKey, vars?: Record<string, string | number>) => string;

interface Shot {
  blob: Blob;
  url: string;
}

const asPhoneError = (e: unknown) => (e instanceof PhoneError ? e : new PhoneError(UNREACHABLE));

function ErrorPanel({ error, lang, t, children }: { error: PhoneError; lang: PhoneLang; t: T; children?: React.ReactNode }) {
  return (
    <div className="phone-error" role="alert">
      <p className="phone-error-title">{error.body.message[lang]}</p>
      {error.body.hint ? <p>{error.body.hint[lang]}</p> : null}
      <p className="phone-small">
        {t('errorCode', { code: error.code })}
        {error.body.requestId ? <span style={{ userSelect: 'all' }}> · {t('requestId', { id: error.body.requestId })}</span> : null}
      </p>
      {children}
    </div>
  );
}

function InfoCard({ info, lang, t }: { info: PhoneReceiptInfo; lang: PhoneLang; t: T }) {
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(info.expiresAt));
  return (
    <section className="phone-card" aria-label={t('receiptNumber')}>
      <dl className="phone-info">
        <dt>{t('enterprise')}</dt>
        <dd>{info.enterpriseName}</dd>
        <dt>{t('item')}</dt>
        <dd>{info.itemName}</dd>
        <dt>{t('receiptNumber')}</dt>
        <dd className="phone-mono">{info.receiptNumber}</dd>
        <dt>{t('amount')}</dt>
        <dd>¥{fenToFigures(info.amountFen)}</dd>
      </dl>
      <p className="phone-small">{t('expiresAt', { time })}</p>
    </section>
  );
}

/** The live rear camera with the alignment frame; `onShot` gets the JPEG of exactly the frame's region. */
function CameraView({ aspect, t, onShot, onUnavailable }: { aspect: number; t: T; onShot(blob: Blob): void; onUnavailable(): void }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [frame, setFrame] = useState<Rect | null>(null);
  const [live, setLive] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media?.getUserMedia) {
      onUnavailable();
      return;
    }
    media
      .getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 3840 }, height: { ideal: 2160 } } })
      .then(async (s) => {
        stream = s;
        if (cancelled) return s.getTracks().forEach((track) => track.stop());
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = s;
        await video.play().catch(() => undefined);
        if (!cancelled) setLive(true);
      })
      .catch(() => {
        if (!cancelled) onUnavailable();
      });
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onUnavailable]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setFrame(frameInBox({ width: box.clientWidth, height: box.clientHeight }, aspect));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [aspect]);

  const capture = async () => {
    const video = videoRef.current;
    const box = boxRef.current;
    if (!video || !box || !frame || !video.videoWidth) return;
    setBusy(true);
    try {
      // The frame is drawn over the video element's box; the element shows the video with object-fit: cover.
      const crop = coverRectToSource(frame, { width: box.clientWidth, height: box.clientHeight }, { width: video.videoWidth, height: video.videoHeight });
      const blob = await encodeCrop(video, crop);
      if (blob) onShot(blob);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="phone-camera" ref={boxRef}>
        <video ref={videoRef} className="phone-video" playsInline muted autoPlay aria-label={t('instruction')} />
        {frame ? (
          <div
            className="phone-frame"
            data-testid="alignment-frame"
            style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}
          />
        ) : null}
        <p className="phone-instruction">{t('instruction')}</p>
        {!live ? <p className="phone-camera-status">{t('cameraStarting')}</p> : null}
      </div>
      <div className="phone-actions">
        <button type="button" className="phone-button phone-primary phone-shutter" disabled={!live || busy} onClick={() => void capture()}>
          {t('capture')}
        </button>
      </div>
      <button type="button" className="phone-link" onClick={onUnavailable}>
        {t('useFileInstead')}
      </button>
    </>
  );
}

/** Without a camera: the phone's own camera app or gallery through a file input, cropped to the frame (centre). */
function FilePicker({ aspect, t, again, onShot, onCamera }: { aspect: number; t: T; again: boolean; onShot(blob: Blob): void; onCamera(): void }) {
  const [problem, setProblem] = useState<PhoneMessageKey | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      setProblem('notAnImage');
      return;
    }
    const blob = await encodeCrop(bitmap, centreCrop({ width: bitmap.width, height: bitmap.height }, aspect));
    bitmap.close();
    if (blob) onShot(blob);
    else setProblem('tooLarge');
  };
  return (
    <div className="phone-card">
      {!again ? (
        <div className="phone-notice" role="status">
          <p className="phone-error-title">{t('noCamera')}</p>
          <p>{t('noCameraHint')}</p>
        </div>
      ) : null}
      <p className="phone-small">{t('fileHint')}</p>
      <label className="phone-button phone-primary phone-file">
        {again ? t('chooseAgain') : t('choosePicture')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {problem ? (
        <p className="phone-error-inline" role="alert">
          {t(problem)}
        </p>
      ) : null}
      <button type="button" className="phone-link" onClick={onCamera}>
        {t('cameraAgain')}
      </button>
    </div>
  );
}

type Upload = { phase: 'idle' } | { phase: 'sending'; percent: number } | { phase: 'failed'; error: PhoneError } | { phase: 'done'; receiptNumber: string };

function Capture({ token, info, lang, t }: { token: string; info: PhoneReceiptInfo; lang: PhoneLang; t: T }) {
  const [cameraOk, setCameraOk] = useState(true);
  const [shot, setShot] = useState<Shot | null>(null);
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const [retakes, setRetakes] = useState(0);
  const onUnavailable = useCallback(() => setCameraOk(false), []);

  useEffect(() => () => (shot ? URL.revokeObjectURL(shot.url) : undefined), [shot]);

  const take = (blob: Blob) => {
    setUpload({ phase: 'idle' });
    setShot({ blob, url: URL.createObjectURL(blob) });
  };
  const send = async () => {
    if (!shot) return;
    setUpload({ phase: 'sending', percent: 0 });
    try {
      const done = await uploadPhoto(token, shot.blob, (percent) => setUpload({ phase: 'sending', percent }));
      setUpload({ phase: 'done', receiptNumber: done.receiptNumber });
    } catch (e) {
      setUpload({ phase: 'failed', error: asPhoneError(e) });
    }
  };

  if (upload.phase === 'done') {
    return (
      <div className="phone-success" role="status">
        <p className="phone-success-title">{t('success')}</p>
        <p>{t('successDetail', { number: upload.receiptNumber })}</p>
      </div>
    );
  }
  if (upload.phase === 'failed' && upload.error.terminal) return <ErrorPanel error={upload.error} lang={lang} t={t} />;

  if (!shot) {
    return cameraOk ? (
      <CameraView aspect={info.frameAspect} t={t} onShot={take} onUnavailable={onUnavailable} />
    ) : (
      <FilePicker aspect={info.frameAspect} t={t} again={retakes > 0} onShot={take} onCamera={() => setCameraOk(true)} />
    );
  }

  const sending = upload.phase === 'sending';
  return (
    <section className="phone-card">
      <img className="phone-shot" src={shot.url} alt={t('previewAlt')} style={{ aspectRatio: String(info.frameAspect) }} />
      <p className="phone-small">{t('previewHint')}</p>
      {sending ? (
        <div className="phone-progress">
          <progress max={100} value={upload.percent} aria-label={t('uploading', { percent: upload.percent })} />
          <span>{t('uploading', { percent: upload.percent })}</span>
        </div>
      ) : null}
      {upload.phase === 'failed' ? <ErrorPanel error={upload.error} lang={lang} t={t} /> : null}
      <div className="phone-actions">
        <button type="button" className="phone-button" disabled={sending} onClick={() => {
            setShot(null);
            setRetakes((n) => n + 1);
          }}
        >
          {t('retake')}
        </button>
        <button type="button" className="phone-button phone-primary" disabled={sending} onClick={() => void send()}>
          {upload.phase === 'failed' ? t('retry') : t('upload')}
        </button>
      </div>
    </section>
  );
}

type Loaded = { state: 'loading' } | { state: 'ready'; info: PhoneReceiptInfo } | { state: 'refused'; error: PhoneError };

export function PhoneApp({ token, lang }: { token: string | null; lang: PhoneLang }) {
  const t = useCallback<T>((key, vars) => phoneText(lang, key, vars), [lang]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchInfo(token).then(
      (info) => live && setLoaded({ state: 'ready', info }),
      (e: unknown) => live && setLoaded({ state: 'refused', error: asPhoneError(e) }),
    );
    return () => {
      live = false;
    };
  }, [token, round]);

  let body: React.ReactNode;
  if (!token) {
    body = (
      <div className="phone-error" role="alert">
        <p className="phone-error-title">{t('noToken')}</p>
        <p>{t('noTokenHint')}</p>
      </div>
    );
  } else if (loaded.state === 'loading') {
    body = (
      <p className="phone-small" role="status">
        {t('loading')}
      </p>
    );
  } else if (loaded.state === 'refused') {
    body = (
      <ErrorPanel error={loaded.error} lang={lang} t={t}>
        {!loaded.error.terminal ? (
          <button
            type="button"
            className="phone-button"
            onClick={() => {
              setLoaded({ state: 'loading' });
              setRound((r) => r + 1);
            }}
          >
            {t('retry')}
          </button>
        ) : null}
      </ErrorPanel>
    );
  } else {
    body = (
      <>
        <InfoCard info={loaded.info} lang={lang} t={t} />
        <Capture token={token} info={loaded.info} lang={lang} t={t} />
      </>
    );
  }

  return (
    <main className="phone">
      <h1 className="phone-title">{t('title')}</h1>
      {body}
    </main>
  );
}

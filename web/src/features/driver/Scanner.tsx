// 扫码: the phone's camera (getUserMedia) and jsQR (loaded on first use) read the QR code of the manifest PDF or a
// container label; the first 14-digit number in it is the manifest's.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../lib/i18n.tsx';

/** The manifest PDF's QR holds `{"number", "integrityUrl"}`; a bare 14-digit number is taken too. */
function manifestNumberIn(text: string): string | undefined {
  try {
    const n = (JSON.parse(text) as { number?: unknown }).number;
    if (typeof n === 'string' && /^\d{14}$/.test(n)) return n;
  } catch {
    // not JSON
  }
  return /^\s*(\d{14})\s*$/.exec(text)?.[1];
}

export function Scanner({ onNumber, onClose }: { onNumber(n: string): void; onClose(): void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the camera starts once when the scanner opens
  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    void (async () => {
      try {
        const { default: jsQR } = await import('jsqr');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const canvas = document.createElement('canvas');
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        // A browser without a 2D canvas cannot read the code: say so, as for a camera refused.
        if (!ctx) throw new Error('no 2D canvas');
        const tick = () => {
          const v = video.current;
          if (stopped || !v) return;
          if (v.videoWidth) {
            canvas.width = v.videoWidth;
            canvas.height = v.videoHeight;
            ctx.drawImage(v, 0, 0);
            const code = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
            const number = code && manifestNumberIn(code.data);
            if (number) return onNumber(number);
          }
          frame = requestAnimationFrame(tick);
        };
        tick();
      } catch (err) {
        setError(`${t('无法使用摄像头')}: ${(err as Error).message}`);
      }
    })();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div className="card">
      {error ? (
        <p role="alert" className="problem">
          {error}
        </p>
      ) : (
        <video ref={video} muted playsInline aria-label={t('摄像头画面')} />
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('关闭摄像头')}
      </button>
    </div>
  );
}

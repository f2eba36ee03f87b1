// 共享位置: while the page is open, the phone's position every 30 s to the leg's track (source 'phone'; shown only
// on a leg whose pickup recorded the driver's consent). Points wait in a queue (kept in localStorage) while offline and go in order once
// the API answers; a refusal of the call is shown in place and stops the sharing. Screen Wake Lock keeps it alive.
import { useEffect, useRef, useState } from 'react';
import { type Api, ApiProblem, unwrap } from '../../lib/api.ts';
import { cst } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ProblemBanner } from '../../lib/problem.tsx';
import { useSession } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-action.ts';

const EVERY_MS = 30_000;
interface Point {
  at: string;
  lat: number;
  lon: number;
  source: 'phone';
  speedKmh?: number;
}

const key = (manifestId: string) => `track-queue:${manifestId}`;
const load = (manifestId: string): Point[] => JSON.parse(localStorage.getItem(key(manifestId)) ?? '[]') as Point[];
const save = (manifestId: string, q: Point[]) => localStorage.setItem(key(manifestId), JSON.stringify(q));

/** Posts the queue in order; a network failure leaves the rest queued, an API refusal is thrown. */
async function flush(api: Api, manifestId: string, transporterId: string): Promise<string[]> {
  let queue = load(manifestId);
  const refused: string[] = [];
  while (queue.length > 0) {
    const batch = queue.slice(0, 100);
    try {
      const r = await unwrap(
        api.POST('/v1/manifests/{id}/track', {
          params: { path: { id: manifestId } },
          body: { transporterId, points: batch },
        }),
      );
      refused.push(...r.refused.map((x) => x.reason));
    } catch (e) {
      if (e instanceof ApiProblem) {
        save(manifestId, queue.slice(batch.length));
        throw e;
      }
      return refused; // offline: try again at the next tick or when the browser is back online
    }
    queue = load(manifestId).slice(batch.length);
    save(manifestId, queue);
  }
  return refused;
}

export function ShareLocation({ manifestId, transporterId }: { manifestId: string; transporterId: string }) {
  const { api } = useSession();
  const t = useT();
  const [on, setOn] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const { refusal, run } = useAction();
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    if (!on) return;
    let lock: { release(): Promise<void> } | undefined;
    const wake = (
      navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }
    ).wakeLock;
    void wake?.request('screen').then(
      (l) => {
        lock = l;
      },
      () => {},
    );
    const send = () =>
      runRef.current(async () => {
        try {
          const r = await flush(api, manifestId, transporterId);
          setRefused(r);
          setSent(new Date().toISOString());
        } catch (e) {
          setOn(false);
          throw e;
        }
      });
    const tick = () =>
      navigator.geolocation.getCurrentPosition(
        (p) => {
          const point: Point = {
            at: new Date(p.timestamp).toISOString(),
            lat: p.coords.latitude,
            lon: p.coords.longitude,
            source: 'phone',
          };
          if (p.coords.speed != null) point.speedKmh = Math.min(400, p.coords.speed * 3.6);
          save(manifestId, [...load(manifestId), point]);
          void send();
        },
        () => {},
        { enableHighAccuracy: true, timeout: 20_000 },
      );
    tick();
    const timer = setInterval(tick, EVERY_MS);
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
      void lock?.release();
    };
  }, [on, api, manifestId, transporterId]);

  return (
    <div className="actions">
      <ProblemBanner refusal={refusal} />
      {refused.length > 0 && (
        <p role="alert" className="problem">
          {t('位置被拒绝')}: {[...new Set(refused)].join(', ')}
        </p>
      )}
      <button type="button" aria-pressed={on} onClick={() => setOn(!on)}>
        {on ? t('停止共享位置') : t('共享位置')}
      </button>
      {on && (
        <span role="status">
          {' '}
          {t('正在共享位置')}
          {sent && ` · ${t('已发送')} ${cst(sent)}`}
        </span>
      )}
    </div>
  );
}

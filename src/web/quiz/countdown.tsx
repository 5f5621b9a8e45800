import { useEffect, useRef, useState } from 'react';

/** Milliseconds as "m:ss" (or "h:mm:ss"). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** When to tell a screen reader how much time is left (the clock itself is not read out every second). */
const MILESTONES = [10 * 60_000, 5 * 60_000, 60_000, 10_000];

/**
 * The server's deadline as a countdown. `offsetMs` is the server's clock
 * minus this browser's (from the attempt's `serverTime`), so a wrong local
 * clock does not change the time left. Calls `onExpire` once at zero.
 */
export function Countdown({ deadline, offsetMs, onExpire, onTick }: { deadline: string; offsetMs: number; onExpire(): void; onTick?(leftMs: number): void }) {
  const end = new Date(deadline).getTime();
  const left = () => end - (Date.now() + offsetMs);
  const [ms, setMs] = useState(left);
  const [said, setSaid] = useState('');
  const expired = useRef(false);
  const spoken = useRef(new Set(MILESTONES.filter((m) => left() <= m)));
  const callbacks = useRef({ onExpire, onTick });
  callbacks.current = { onExpire, onTick };

  useEffect(() => {
    const tick = () => {
      const now = left();
      setMs(now);
      callbacks.current.onTick?.(now);
      const milestone = MILESTONES.find((m) => now <= m && !spoken.current.has(m));
      if (milestone !== undefined && now > 0) {
        for (const m of MILESTONES) if (now <= m) spoken.current.add(m);
        setSaid(`${clockText(now)} left`);
      }
      if (now <= 0 && !expired.current) {
        expired.current = true;
        setSaid('Time is up');
        callbacks.current.onExpire();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the deadline and offset fix the clock
  }, [end, offsetMs]);

  return (
    <div className={`countdown${ms <= 60_000 ? ' countdown-low' : ''}`}>
      <span className="countdown-label">Time left</span>{' '}
      <span role="timer" aria-label={`Time left: ${clockText(ms)}`} className="countdown-clock">
        {clockText(ms)}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {said}
      </span>
    </div>
  );
}

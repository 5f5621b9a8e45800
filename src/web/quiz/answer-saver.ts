/**
 * Saves a certification attempt's answers to the server as the rep goes:
 * changes are gathered for a moment (debounced) and sent together; a failed
 * send is retried later and nothing is dropped until the server took it.
 * No React here: the attempt page drives it and shows its state.
 */
import type { Answer } from '../../core/quiz/grade.ts';
import type { ApiProblem } from '../api/api-client.ts';

/** What one send of changed answers came to. */
export type SaveOutcome =
  | { ok: true; savedAt: string }
  /** `retry`: worth sending again later (no connection, a server fault); otherwise the server refused it for good. */
  | { ok: false; retry: boolean; problem: ApiProblem };

export type SaverState =
  | { status: 'saved'; savedAt: string | null }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; problem: ApiProblem; retrying: boolean };

export interface AnswerSaverOptions {
  /** Sends the changed answers (null clears one). */
  send(answers: Record<string, Answer | null>): Promise<SaveOutcome>;
  onState(state: SaverState): void;
  /** Quiet time after the last change before sending. */
  debounceMs?: number;
  /** Wait before sending again after a failure that is worth retrying. */
  retryMs?: number;
}

export class AnswerSaver {
  /** Changes not yet taken by the server, with a version so a change made during a send is not lost. */
  private dirty = new Map<string, { answer: Answer | null; version: number }>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: AnswerSaverOptions) {}

  /** Records a change and sends it after the debounce. */
  set(questionId: string, answer: Answer | null): void {
    if (this.stopped) return;
    this.dirty.set(questionId, { answer, version: ++this.version });
    this.options.onState({ status: 'pending' });
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Whether some change has not reached the server yet. */
  hasUnsaved(): boolean {
    return this.dirty.size > 0;
  }

  /** The changes the server does not have yet (to send with a submission). */
  unsaved(): Record<string, Answer | null> {
    return Object.fromEntries([...this.dirty].map(([id, d]) => [id, d.answer]));
  }

  /** Sends what is pending now (before a submission, or as the deadline nears); resolves once it is answered. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty.size === 0 || this.stopped) return;
    const sending = new Map(this.dirty);
    this.options.onState({ status: 'saving' });
    this.inFlight = this.options.send(Object.fromEntries([...sending].map(([id, d]) => [id, d.answer]))).then((outcome) => {
      this.inFlight = undefined;
      if (this.stopped) return;
      if (outcome.ok) {
        // Drop only what was sent and not changed since.
        for (const [id, d] of sending) if (this.dirty.get(id)?.version === d.version) this.dirty.delete(id);
        if (this.dirty.size) this.schedule(this.options.debounceMs ?? 800);
        this.options.onState(this.dirty.size ? { status: 'pending' } : { status: 'saved', savedAt: outcome.savedAt });
        return;
      }
      this.options.onState({ status: 'failed', problem: outcome.problem, retrying: outcome.retry });
      if (outcome.retry) {
        this.schedule(this.options.retryMs ?? 3000);
        return;
      }
      // Answers the server refused (their reasons are shown by the page) are not sent again until changed; the rest go on.
      const refused = refusedQuestions(outcome.problem);
      for (const id of refused) if (this.dirty.get(id)?.version === sending.get(id)?.version) this.dirty.delete(id);
      if (refused.length && this.dirty.size) this.schedule(this.options.retryMs ?? 3000);
    });
    await this.inFlight;
  }

  /** Stops sending (the attempt was submitted or closed); pending changes are dropped. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The questions a `400 bad_answers` names (`problems: [{ questionId, reason }]`). */
export function refusedQuestions(problem: ApiProblem): string[] {
  const problems = problem.body.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: unknown) => (typeof p === 'object' && p !== null && typeof (p as { questionId?: unknown }).questionId === 'string' ? [(p as { questionId: string }).questionId] : []));
}

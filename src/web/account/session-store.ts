/**
 * Who is signed in: the app's one store of the account and its session.
 * The session itself is an HttpOnly cookie the app never reads; this store
 * asks the server (`/api/auth/me`) and remembers the answer.
 */
import { create } from 'zustand';
import { callApi, type ApiProblem } from '../api/api-client.ts';
import type { Role, User } from '../api/api-types.ts';

/**
 * `checking` until the server answered; `no-server` when no team server
 * answers here (static hosting, `npm run dev` without the API): the app then
 * runs for practice only.
 */
export type SessionStatus = 'checking' | 'signed-in' | 'signed-out' | 'no-server';

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  inviteCode?: string;
}

export interface SessionStore {
  status: SessionStatus;
  user?: User;
  /** Why the last check could not tell (the server did not answer); the app carries on signed out. */
  problem?: string;
  /** Asks the server who is signed in. */
  load(): Promise<void>;
  /** Each returns the API's problem, or undefined on success. */
  signIn(email: string, password: string): Promise<ApiProblem | undefined>;
  signUp(input: SignUpInput): Promise<ApiProblem | undefined>;
  signOut(): Promise<ApiProblem | undefined>;
  /** After a change the server answered with the user (joining or creating a team). */
  setUser(user: User): void;
  /** A request answered 401: the session ended (expired, or signed out elsewhere). */
  sessionEnded(): void;
}

export const useSession = create<SessionStore>()((set) => ({
  status: 'checking',
  async load() {
    const result = await callApi<{ user: User }>('GET', '/api/auth/me');
    if (result.ok) set({ status: 'signed-in', user: result.data.user, problem: undefined });
    else if (result.problem.error === 'no_server') set({ status: 'no-server', user: undefined, problem: undefined });
    else if (result.problem.status === 401) set({ status: 'signed-out', user: undefined, problem: undefined });
    else set({ status: 'signed-out', user: undefined, problem: result.problem.reason });
  },
  async signIn(email, password) {
    const result = await callApi<{ user: User }>('POST', '/api/auth/signin', { email, password });
    if (!result.ok) return result.problem;
    set({ status: 'signed-in', user: result.data.user, problem: undefined });
    return undefined;
  },
  async signUp(input) {
    const result = await callApi<{ user: User }>('POST', '/api/auth/signup', input);
    if (!result.ok) return result.problem;
    set({ status: 'signed-in', user: result.data.user, problem: undefined });
    return undefined;
  },
  async signOut() {
    const result = await callApi<undefined>('POST', '/api/auth/signout');
    if (!result.ok) return result.problem;
    set({ status: 'signed-out', user: undefined });
    return undefined;
  },
  setUser(user) {
    set({ status: 'signed-in', user });
  },
  sessionEnded() {
    set({ status: 'signed-out', user: undefined });
  },
}));

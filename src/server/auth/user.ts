import type { Queryable } from '../db/database.ts';

export type Role = 'manager' | 'rep';

/** A signed-in user as the routes see them. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
}

/** The user as the API returns it (docs/api.md "Accounts"). */
export function userJson(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    team: user.teamId ? { id: user.teamId, name: user.teamName ?? '' } : null,
  };
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
}

const SELECT_USER = `select u.id, u.email, u.name, u.role, u.team_id, t.name as team_name
  from users u left join teams t on t.id = u.team_id`;

const fromRow = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name, role: row.role, teamId: row.team_id, teamName: row.team_name });

/** A user by id, with their team's name. */
export async function findUser(db: Queryable, id: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(`${SELECT_USER} where u.id = $1`, [id]);
  return row && fromRow(row);
}

/** The user a live session token hash belongs to. */
export async function findSessionUser(db: Queryable, tokenHash: string, now: Date): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(`${SELECT_USER} join sessions s on s.user_id = u.id where s.token_hash = $1 and s.expires_at > $2`, [tokenHash, now]);
  return row && fromRow(row);
}

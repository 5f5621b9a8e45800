-- The team server's first schema: accounts, teams, assignments, quiz
-- attempts, certificates, synced practice and human review. Plain
-- PostgreSQL that runs the same on PGlite and on a real server.

create table users (
  id text primary key,
  email text not null unique,
  name text not null,
  role text not null check (role in ('manager', 'rep')),
  password_hash text not null,
  team_id text,
  joined_team_at timestamptz,
  created_at timestamptz not null
);

create table teams (
  id text primary key,
  name text not null,
  created_by text not null references users (id),
  created_at timestamptz not null
);

alter table users add constraint users_team foreign key (team_id) references teams (id);
create index users_by_team on users (team_id);

-- Only a hash of each session token is stored: a leaked table signs no one in.
create table sessions (
  token_hash text primary key,
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_by_user on sessions (user_id);

-- Sign-in attempts per account and address, for the rate limit.
create table login_attempts (
  account text not null,
  address text not null,
  attempted_at timestamptz not null
);
create index login_attempts_by_key on login_attempts (account, address, attempted_at);
create index login_attempts_by_time on login_attempts (attempted_at);

create table invites (
  code text primary key,
  team_id text not null references teams (id),
  created_by text not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  max_uses integer not null check (max_uses >= 1),
  uses integer not null default 0 check (uses >= 0 and uses <= max_uses),
  revoked_at timestamptz
);
create index invites_by_team on invites (team_id);

create table assignments (
  id text primary key,
  team_id text not null references teams (id),
  kind text not null check (kind in ('quiz', 'scenario')),
  content_id text not null,
  user_id text references users (id),
  due_at timestamptz not null,
  created_by text not null references users (id),
  created_at timestamptz not null
);
create index assignments_by_team on assignments (team_id);

-- Every version of a quiz that an attempt was started on, with its key, so
-- an attempt is graded against the questions it was given even after the
-- quiz file changes.
create table quiz_versions (
  content_hash text primary key,
  quiz_id text not null,
  quiz jsonb not null,
  first_seen_at timestamptz not null
);

create table attempts (
  id text primary key,
  user_id text not null references users (id),
  quiz_id text not null,
  content_hash text not null references quiz_versions (content_hash),
  number integer not null check (number >= 1),
  seed integer not null,
  paper jsonb not null,
  status text not null check (status in ('in_progress', 'submitted', 'expired')),
  answers jsonb not null,
  answers_saved_at timestamptz,
  started_at timestamptz not null,
  deadline timestamptz not null,
  on_timeout text not null check (on_timeout in ('submit', 'reject')),
  submitted_at timestamptz,
  submitted_by text check (submitted_by in ('rep', 'timeout')),
  scorer_version text,
  earned double precision,
  available double precision,
  percent double precision,
  passed boolean,
  -- The grade as submitted (the scorer's levels), and the grade with
  -- reviewers' levels once a reply was overridden; the score columns above
  -- always hold the one that counts.
  grade jsonb,
  reviewed_grade jsonb,
  -- The attempt limit holds under concurrency: two starts cannot take the same number.
  unique (user_id, quiz_id, number)
);
create index attempts_by_user on attempts (user_id, quiz_id);
create index attempts_open on attempts (deadline) where status = 'in_progress';

create table certificates (
  id text primary key,
  attempt_id text not null unique references attempts (id),
  user_id text not null references users (id),
  quiz_id text not null,
  name text not null,
  quiz_title text not null,
  holder_name text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index certificates_by_user on certificates (user_id);

create table practice_runs (
  id text primary key,
  user_id text not null references users (id),
  run_id text not null,
  scenario_id text not null,
  scenario_title text not null,
  finished_at timestamptz not null,
  outcome text not null,
  kind text not null,
  score double precision,
  -- Skill levels 0-4 as they count: the run's own, with reviewers' levels applied.
  levels jsonb not null,
  replies integer not null,
  run jsonb not null,
  synced_at timestamptz not null,
  unique (user_id, run_id)
);
create index practice_runs_by_user on practice_runs (user_id, finished_at);

-- Human review: every override is kept; the newest per reply and rubric counts.
create table overrides (
  id text primary key,
  -- Orders overrides made within the same millisecond.
  seq integer generated always as identity,
  source text not null check (source in ('quiz', 'practice')),
  attempt_id text references attempts (id),
  question_id text,
  practice_run_id text references practice_runs (id),
  turn_index integer,
  rubric text not null,
  old_level integer not null check (old_level between 0 and 4),
  new_level integer not null check (new_level between 0 and 4),
  comment text not null,
  reviewer_id text not null references users (id),
  created_at timestamptz not null,
  check (
    (source = 'quiz' and attempt_id is not null and question_id is not null)
    or (source = 'practice' and practice_run_id is not null and turn_index is not null)
  )
);
create index overrides_by_attempt on overrides (attempt_id);
create index overrides_by_run on overrides (practice_run_id);

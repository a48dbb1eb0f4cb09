-- When a long-running engagement moved to COMPLETED: analytics stops crediting it there when that is
-- before its planned end (issue 15). Point engagements are COMPLETED when logged: left null for them.
alter table engagement add column completed_at timestamptz;

-- Persisted relationship state (issue 15): every read is answered from stored rows, indexed, on any
-- number of replicas. The fold writes, in its own transaction, one row per contact (relationship), one
-- per unit (unit_strength) and the value roll-ups; long-running engagements are credited slice by slice
-- as their weeks fall due (engagement.credited_until / next_due_at, the due-slice job). See README.

-- The earlier read model held only inputs; its rows cannot be converted in SQL (the scoring model is
-- Java). A non-empty read model is therefore flagged for a rebuild from the topics, which the service
-- starts on its own at startup (AnalyticsStateService), and the derived tables start empty.
create table analytics_state (
    key   varchar(40)  primary key,
    value varchar(400) not null
);
insert into analytics_state (key, value)
select 'rebuild-required', 'migration V2026.12.02.10 (persisted relationship state)'
where exists (select 1 from engagement) or exists (select 1 from contact);

truncate engagement_participant, engagement, stakeholder_role, contact, business_unit;

-- Contacts: what the insights filter on. kind is derived here from the open roles (stakeholder_until),
-- not taken from the events, so a role's end date passing changes it without any event.
alter table contact drop column kind;
alter table contact
    add column stakeholder_until date,          -- latest end of an open role (9999-12-31: open-ended); null: none
    add column seniority         varchar(20),
    add column created_at        timestamptz,   -- when the contact was created (its first event)
    add column cadence_days      integer,       -- stay-in-touch cadence set on the contact; null: the seniority default
    add column influence         varchar(6),
    add column interest          varchar(6),
    add column stance            varchar(10);
create index contact_owner_idx on contact (lower(owner_email)) where owner_email is not null;
create index contact_stakeholder_idx on contact (stakeholder_until) where stakeholder_until is not null;

-- Expertise tags of contacts, lower-cased, in the C collation (prefix search and order by the same index), and
-- per tag how many ACTIVE contacts hold it (maintained by the contact fold, under the aggregates lock).
create table contact_expertise (
    contact_id uuid                    not null,
    tag        varchar(50) collate "C" not null,
    primary key (contact_id, tag)
);
create index contact_expertise_tag_idx on contact_expertise (tag, contact_id);
create table expertise_tag (
    tag     varchar(50) collate "C" primary key,
    holders integer                 not null
) with (fillfactor = 70);
create index stakeholder_role_project_idx on stakeholder_role (project_code);

-- One row per contact: its decayed strength as (frame, s_sum, s_comp) = S_ref at t_ref = frame·H
-- (Neumaier-compensated), and in log form l = log2(S_ref) + frame (in half-lives since the epoch): then
-- log2 S(now) = l − now/H for every contact alike, so ordering by score is ordering by l, a band is a
-- range of l and a drop date is a function of l. null l: strength 0.
-- A row exists for every contact known from either topic: listed = known from rapport.contacts.v1 and
-- not erased; counted = ACTIVE (counts towards its unit's coverage).
create table relationship (
    contact_id       uuid             primary key,
    business_unit_id uuid,
    listed           boolean          not null default false,
    counted          boolean          not null default false,
    frame            bigint           not null default 0,
    s_sum            double precision not null default 0,
    s_comp           double precision not null default 0,
    l                double precision,
    slices           bigint           not null default 0,  -- credited slices; 0: strength exactly 0
    given_micros     bigint           not null default 0,  -- effort credited, micro-hours
    received_micros  bigint           not null default 0,
    sentiment_sum    bigint           not null default 0,  -- over started contributing engagements
    sentiment_count  bigint           not null default 0,
    last_activity_at timestamptz,    -- latest activity end of a started contributing engagement (may be ahead of now while one runs)
    last_touch_at    timestamptz,    -- latest activity end of any non-cancelled engagement (stay-in-touch clock)
    created_at       timestamptz,    -- of the contact, for a contact never engaged
    cadence_days     integer,        -- effective stay-in-touch cadence (the contact's, else its seniority's default)
    due_at           timestamptz     -- coalesce(last_touch_at, created_at) + cadence_days
);
create index relationship_rank_idx on relationship (l desc nulls last, contact_id) where listed;
create index relationship_unit_rank_idx on relationship (business_unit_id, l desc nulls last, contact_id) where listed;
create index relationship_recent_idx on relationship (last_activity_at desc nulls last, contact_id) where listed;
create index relationship_due_idx on relationship (due_at, contact_id) where counted;

-- The engagement's state as the fold needs it to take its contribution back exactly: the participants
-- (and their units), the completion instant, and how far its slices have been credited.
alter table engagement
    add column completed_at      timestamptz,
    add column participant_ids   uuid[]      not null default '{}',
    add column participant_units uuid[]      not null default '{}',
    add column credited_until    timestamptz,   -- slices at or before this instant are in the relationship rows
    add column next_due_at       timestamptz;   -- next instant a slice (or its start) falls due; null: nothing more
drop index engagement_start_at_idx;
create index engagement_due_idx on engagement (next_due_at) where next_due_at is not null;

-- Participants of non-cancelled engagements, one row per contact, for the per-contact reads (recency,
-- frequency, trend, last engagements, stay-in-touch): one index, covering them.
drop table engagement_participant;
create table engagement_participant (
    contact_id       uuid        not null,
    engagement_id    uuid        not null,
    business_unit_id uuid,
    start_at         timestamptz not null,
    activity_end     timestamptz not null,
    contributes      boolean     not null
);
create index engagement_participant_contact_idx on engagement_participant (contact_id, activity_end desc)
    include (start_at, engagement_id, contributes);

-- Per unit: the summed strength of its counted contacts (coverage is 100·(1 − e^(−ΣS/k)), the noisy-OR
-- of their scores), in the same (frame, sum, compensation) form; contacts = counted contacts with a
-- strength (0: exactly 0).
create table unit_strength (
    business_unit_id uuid             primary key,
    frame            bigint           not null,
    s_sum            double precision not null,
    s_comp           double precision not null,
    contacts         integer          not null
) with (fillfactor = 70);

-- Value roll-ups: effort by direction (micro-hours), engagements by type and secondee days of the
-- ACTIVE/COMPLETED engagements that started on a day (and in a month), per unit among the participants.
create table unit_value_day (
    day                date   not null,
    business_unit_id   uuid   not null,
    given_micros       bigint not null,
    received_micros    bigint not null,
    mutual_micros      bigint not null,
    by_type            integer[] not null,   -- counts per type, in EngagementType order
    secondee_days      bigint not null,
    primary key (day, business_unit_id)
) with (fillfactor = 70);
create table unit_value_month (
    month              date   not null,      -- first day of the month
    business_unit_id   uuid   not null,
    given_micros       bigint not null,
    received_micros    bigint not null,
    mutual_micros      bigint not null,
    by_type            integer[] not null,
    secondee_days      bigint not null,
    primary key (month, business_unit_id)
) with (fillfactor = 70);

-- Rebuild status, shared by every replica; the single-runner guard is a session advisory lock held by
-- the runner's connection (a crashed runner releases it), so a RUNNING row without it is reported FAILED.
create table rebuild_run (
    id          integer      primary key check (id = 1),
    status      varchar(10)  not null,
    folded      bigint       not null,
    total       bigint       not null,
    started_at  timestamptz,
    finished_at timestamptz,
    runner      varchar(200),
    error       varchar(500)
);
insert into rebuild_run (id, status, folded, total) values (1, 'IDLE', 0, 0);

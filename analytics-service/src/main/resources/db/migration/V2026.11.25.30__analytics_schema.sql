-- analytics-service read model: what the scoring model needs, folded from rapport.contacts.v1 and
-- rapport.engagements.v1. Scores themselves are not stored: they are computed by the model
-- (io.rapport.analytics.model) from these rows, so a change of parameters needs no migration.

-- Business units (rapport.business-unit.*); a deleted unit is kept, flagged, so late events stay ordered.
create table business_unit (
    id          uuid         primary key,
    code        varchar(20)  not null,
    name        varchar(200) not null,
    parent_id   uuid,
    version     bigint       not null,
    deleted     boolean      not null
);

-- Contacts (rapport.contact.*): no name, email or phone is held. owner_email is the PMO owner's
-- work address (needed for the owner filter and the network); it is cleared on erasure.
create table contact (
    id               uuid         primary key,
    business_unit_id uuid         not null,
    status           varchar(10)  not null,
    kind             varchar(12)  not null,
    owner_email      varchar(254),
    version          bigint       not null
);
create index contact_business_unit_idx on contact (business_unit_id);

-- Stakeholder roles (rapport.stakeholder-role.*), for the expiring-stakeholders insight.
create table stakeholder_role (
    id           uuid        primary key,
    contact_id   uuid        not null,
    project_code varchar(40) not null,
    role         varchar(30) not null,
    start_date   date        not null,
    end_date     date,
    ended        boolean     not null
);
create index stakeholder_role_contact_idx on stakeholder_role (contact_id);
create index stakeholder_role_end_date_idx on stakeholder_role (end_date);

-- The latest known state of each engagement (highest version wins; see RelationshipModel), with
-- the id of the event that carried it. The lead and title are not needed and not held.
create table engagement (
    id           uuid             primary key,
    version      bigint           not null,
    event_id     varchar(200)     not null,
    cancelled    boolean          not null,
    type         varchar(30)      not null,
    status       varchar(12)      not null,
    start_at     timestamptz      not null,
    end_at       timestamptz,
    direction    varchar(12)      not null,
    effort_hours double precision,
    sentiment    integer
);
create index engagement_start_at_idx on engagement (start_at);

-- Participants of the current state of each engagement, with their unit at the time.
create table engagement_participant (
    engagement_id    uuid not null references engagement (id) on delete cascade,
    contact_id       uuid not null,
    business_unit_id uuid,
    primary key (engagement_id, contact_id)
);
create index engagement_participant_contact_idx on engagement_participant (contact_id);

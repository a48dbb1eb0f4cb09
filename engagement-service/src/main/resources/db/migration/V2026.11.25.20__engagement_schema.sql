-- engagement-service: engagements, their participants, leadership forums and the read model of
-- contacts built from rapport.contacts.v1. Hibernate only validates this schema.

-- What the service knows about a contact, from contacts-service's events ("latest version wins"):
-- id, unit and status only, no personal data. An ERASED row stays as a tombstone.
create table contact_ref (
    contact_id        uuid         primary key,
    business_unit_id  uuid,
    status            varchar(20)  not null,
    contact_version   bigint       not null,
    updated_at        timestamptz  not null
);

create table forum (
    id          uuid         primary key,
    name        varchar(200) not null,
    cadence     varchar(20)  not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table forum_member (
    forum_id    uuid    not null references forum (id) on delete cascade,
    position    integer not null,
    contact_id  uuid    not null,
    primary key (forum_id, position)
);
create unique index forum_member_contact on forum_member (forum_id, contact_id);

create table engagement (
    id               uuid          primary key,
    type             varchar(40)   not null,
    title            varchar(300)  not null,
    start_at         timestamptz   not null,
    end_at           timestamptz,
    direction        varchar(20)   not null,
    effort_hours     double precision not null,
    sentiment        integer,
    outcome          text,
    lead_name        varchar(200),
    lead_email       varchar(320),
    status           varchar(20)   not null,
    hours_pledged    double precision,
    hours_delivered  double precision,
    forum_id         uuid          references forum (id),
    version          bigint        not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    constraint engagement_end_after_start check (end_at is null or end_at >= start_at),
    constraint engagement_effort_non_negative check (effort_hours >= 0),
    constraint engagement_sentiment_range check (sentiment is null or sentiment between 1 and 5)
);
create index engagement_start_at on engagement (start_at, id);
create index engagement_type on engagement (type);
create index engagement_status on engagement (status);
create index engagement_forum on engagement (forum_id, start_at);

-- Participants with their business unit as it was when they were added to the engagement.
create table engagement_participant (
    engagement_id     uuid        not null references engagement (id) on delete cascade,
    position          integer     not null,
    contact_id        uuid        not null,
    role              varchar(20) not null,
    business_unit_id  uuid,
    primary key (engagement_id, position)
);
create unique index engagement_participant_contact on engagement_participant (engagement_id, contact_id);
create index engagement_participant_by_contact on engagement_participant (contact_id);
create index engagement_participant_by_unit on engagement_participant (business_unit_id);

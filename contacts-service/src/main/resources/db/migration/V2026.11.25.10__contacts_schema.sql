-- contacts-service schema: business units (a hierarchy), contacts and their stakeholder roles.
-- Versions are the optimistic-lock counters behind ETag / If-Match (the service bumps them).

create table business_unit (
    id          uuid         primary key,
    code        varchar(20)  not null,
    name        varchar(200) not null,
    parent_id   uuid         references business_unit (id),
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint business_unit_code_unique unique (code),
    constraint business_unit_not_own_parent check (parent_id is null or parent_id <> id)
);
create index business_unit_parent_idx on business_unit (parent_id);

-- Personal fields (full_name, email, phone, job_title, expertise, owner_*, notes) are nullable:
-- erasure sets them all to null and leaves id, business unit and status ERASED.
create table contact (
    id                uuid          primary key,
    full_name         varchar(200),
    email             varchar(254),
    phone             varchar(40),
    job_title         varchar(200),
    business_unit_id  uuid          not null references business_unit (id),
    seniority         varchar(20),
    expertise         text[],
    owner_name        varchar(200),
    owner_email       varchar(254),
    status            varchar(10)   not null,
    notes             varchar(4000),
    version           bigint        not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    constraint contact_status_check check (status in ('ACTIVE', 'LEFT', 'ERASED')),
    constraint contact_erased_has_no_personal_data check (status <> 'ERASED' or (full_name is null and email is null
        and phone is null and job_title is null and expertise is null and owner_name is null and owner_email is null
        and notes is null)),
    constraint contact_live_has_required_fields check (status = 'ERASED' or (full_name is not null and email is not null
        and seniority is not null))
);
-- Work email is unique, case-insensitively (erased contacts hold none).
create unique index contact_email_unique on contact (lower(email)) where email is not null;
create index contact_business_unit_idx on contact (business_unit_id);
create index contact_owner_email_idx on contact (lower(owner_email));
create index contact_full_name_idx on contact (lower(full_name), id);
create index contact_expertise_idx on contact using gin (expertise);

create table stakeholder_role (
    id            uuid          primary key,
    contact_id    uuid          not null references contact (id),
    project_code  varchar(40)   not null,
    project_name  varchar(200)  not null,
    role          varchar(30)   not null,
    start_date    date          not null,
    end_date      date,
    ended_at      timestamptz,
    version       bigint        not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    constraint stakeholder_role_dates check (end_date is null or end_date >= start_date)
);
create index stakeholder_role_contact_idx on stakeholder_role (contact_id);

-- Platform tables every service with events has. Versions are dates (V<yyyy.mm.dd.n>) in the
-- platform and in every service, so the platform's and a service's migrations interleave in time.

-- Transactional outbox: written in the same transaction as the change it describes; the relay
-- publishes rows in seq order and deletes each one Kafka acknowledged.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null
);

-- Idempotent consumers: the id of each event a consumer applied, recorded in the same
-- transaction as its effect, so a redelivered event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

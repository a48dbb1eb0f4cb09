-- Idempotency-Key of creating POSTs: the first response, replayed for a repeat with the same
-- body; a repeat with another body is refused (422). Written in the creating transaction.
create table idempotency_key (
    scope         varchar(200)  not null,
    idem_key      varchar(200)  not null,
    request_hash  varchar(64)   not null,
    status        integer       not null,
    location      varchar(2000),
    response_body text,
    created_at    timestamptz   not null,
    primary key (scope, idem_key)
);

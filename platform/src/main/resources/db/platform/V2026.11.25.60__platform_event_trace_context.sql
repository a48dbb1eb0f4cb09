-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox row; the
-- relay sends it as Kafka headers of the same names, so a consumer's span continues the trace of
-- the request that caused the event. Null when nothing was traced. Versioned after every service's
-- migration of this date, so databases that already have those apply it in order.
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate text;

-- The ETag of a stored creating response, so that a replayed 201 carries it like the first one.
-- Numbered after every migration of the services so far (the platform's and a service's interleave by date).
alter table idempotency_key add column etag varchar(200);

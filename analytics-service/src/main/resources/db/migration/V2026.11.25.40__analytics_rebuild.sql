-- Rebuild (POST /api/v1/admin/rebuild): the whole history is re-folded into a fresh copy of the read
-- model in schema analytics_rebuild, while queries keep reading the live tables in the default schema.
-- The switch moves, in one transaction, the live tables to analytics_retired (kept until the next
-- rebuild) and the rebuilt ones into the default schema. The copies are created at the start of each
-- rebuild with CREATE TABLE ... (LIKE <live table> INCLUDING ALL), so they always follow the live
-- schema and later migrations need not touch these two schemas.
create schema if not exists analytics_rebuild;
create schema if not exists analytics_retired;

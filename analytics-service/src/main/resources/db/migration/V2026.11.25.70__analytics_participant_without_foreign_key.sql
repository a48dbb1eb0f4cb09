-- engagement_participant loses its foreign key to engagement. Participants are written and deleted only
-- by the fold, in the same statement set and transaction as their engagement row (FoldService), and
-- engagements are never deleted, so the key guarded nothing the fold does not; its per-row check was
-- about half of the cost of inserting participants (measured: 10 us vs 4.9 us per row, 180,000 rows),
-- the largest single cost of the fold. The rebuild's copies (CREATE TABLE ... LIKE) have none either.
alter table engagement_participant drop constraint engagement_participant_engagement_id_fkey;

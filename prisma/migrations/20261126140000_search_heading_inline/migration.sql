-- A search reads every matching unit's heading (terms in the heading rank first) and article anchor
-- (public excerpts). Both are short, but with toast_tuple_target = 128 (20261126030000) a row still
-- over 128 bytes after its keys and text went out of line had its heading moved out too: one TOAST
-- read per match. Measured on 2,000 documents, 10,510 matches of 「暗」: 18,676 buffers instead of
-- 3,320 for the same rows without the heading. PLAIN keeps both in the row; the UPDATE rewrites the
-- values already stored out of line (`|| ''` makes a new value, which PLAIN then keeps inline).
ALTER TABLE "search_units" ALTER COLUMN "heading" SET STORAGE PLAIN;
ALTER TABLE "search_units" ALTER COLUMN "article_anchor" SET STORAGE PLAIN;
UPDATE "search_units" SET "heading" = "heading" || '', "article_anchor" = "article_anchor" || '';

-- The UPDATE wrote a new version of every row: merge the GIN indexes' pending lists and refresh the
-- statistics now (VACUUM cannot run in a migration's transaction; autovacuum reclaims the old rows).
SELECT gin_clean_pending_list('search_units_current_keys_idx'::regclass), gin_clean_pending_list('search_units_superseded_keys_idx'::regclass);
ANALYZE "search_units_current";
ANALYZE "search_units_superseded";

-- The first partition of search_units now holds the units of the revisions in force today and nothing
-- else: scheduled revisions (approved, effective later) wait in the second partition with the
-- superseded ones (docs/decisions/005). A search of the revisions in force then needs no per-match
-- check of which revision is in force. The column and the second partition are renamed to say so.
ALTER TABLE "search_units" RENAME COLUMN "superseded" TO "not_in_force";
ALTER TABLE "search_units_superseded" RENAME TO "search_units_not_in_force";
ALTER INDEX "search_units_superseded_pkey" RENAME TO "search_units_not_in_force_pkey";
ALTER INDEX "search_units_superseded_keys_idx" RENAME TO "search_units_not_in_force_keys_idx";
ALTER INDEX "search_units_superseded_document_id_idx" RENAME TO "search_units_not_in_force_document_id_idx";

-- The date (in Japan) for which the partitions were last put right. A search of the revisions in force
-- compares it with today and, on a new day, moves the units first (lib/server/search/index-revision.ts).
-- No row yet: the first search moves the scheduled revisions' units out of the first partition.
CREATE TABLE "search_index_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "in_force_on" DATE NOT NULL,

    CONSTRAINT "search_index_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "search_index_state_one_row" CHECK ("id" = 1)
);

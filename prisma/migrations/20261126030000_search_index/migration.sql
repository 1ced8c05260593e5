-- Search at article granularity (docs/decisions/005-search-index.md).

-- CreateTable
CREATE TABLE "search_units" (
    "revision_id" UUID NOT NULL,
    "ord" INTEGER NOT NULL,
    "superseded" BOOLEAN NOT NULL DEFAULT false,
    "document_id" UUID NOT NULL,
    "article_anchor" TEXT,
    "heading" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "keys" BIGINT[],

    CONSTRAINT "search_units_pkey" PRIMARY KEY ("revision_id","ord","superseded")
) PARTITION BY LIST ("superseded");

-- CreateTable
CREATE TABLE "search_unit_texts" (
    "revision_id" UUID NOT NULL,
    "ord" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "segments" JSONB NOT NULL,

    CONSTRAINT "search_unit_texts_pkey" PRIMARY KEY ("revision_id","ord")
);

-- CreateTable
CREATE TABLE "search_indexed_revisions" (
    "revision_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_indexed_revisions_pkey" PRIMARY KEY ("revision_id")
);

-- CreateIndex
CREATE INDEX "search_units_keys_idx" ON "search_units" USING GIN ("keys");

-- CreateIndex
CREATE INDEX "search_units_document_id_idx" ON "search_units"("document_id");

-- AddForeignKey
ALTER TABLE "search_units" ADD CONSTRAINT "search_units_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_units" ADD CONSTRAINT "search_units_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_unit_texts" ADD CONSTRAINT "search_unit_texts_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_indexed_revisions" ADD CONSTRAINT "search_indexed_revisions_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Units of superseded revisions (a later revision of the document is in force) live in their own
-- partition, so that searching the revisions in force never visits them however long the history
-- grows; "all revisions" searches both. lib/server/search/index-revision.ts moves them.
CREATE TABLE "search_units_current" PARTITION OF "search_units" FOR VALUES IN (false);
CREATE TABLE "search_units_superseded" PARTITION OF "search_units" FOR VALUES IN (true);

-- A search visits the row of every match, so the rows stay narrow: PostgreSQL moves values out of
-- line only when a row exceeds 2 kB, and then down to toast_tuple_target. The keys are 64-bit
-- (a unit's keys take about 2.3 kB, not 1.2 kB) so that nearly every row is moved, leaving about
-- 100 bytes in the table (measured: 35 MB instead of 157 MB for 127,000 units); the texts to
-- show live in search_unit_texts, read only for the page of hits.
ALTER TABLE "search_units_current" SET (toast_tuple_target = 128);
ALTER TABLE "search_units_superseded" SET (toast_tuple_target = 128);
ALTER TABLE "search_units" ALTER COLUMN "keys" SET STORAGE EXTERNAL;
ALTER TABLE "search_units" ALTER COLUMN "normalized" SET STORAGE EXTERNAL;

-- Search at article granularity (docs/decisions/005-search-index.md).

-- CreateTable
CREATE TABLE "search_units" (
    "revision_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "ord" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "article_anchor" TEXT,
    "label" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "keys" INTEGER[],
    "segments" JSONB NOT NULL,

    CONSTRAINT "search_units_pkey" PRIMARY KEY ("revision_id","ord")
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
ALTER TABLE "search_indexed_revisions" ADD CONSTRAINT "search_indexed_revisions_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

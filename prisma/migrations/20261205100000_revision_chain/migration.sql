-- Amendments form one chain (docs/decisions/007-revision-chain.md).

-- AlterEnum
ALTER TYPE "RevisionStatus" ADD VALUE 'CONFIRMING';
ALTER TYPE "RevisionStatus" ADD VALUE 'REBASED';

-- AlterTable
ALTER TABLE "revisions" ADD COLUMN     "edition" INTEGER,
ADD COLUMN     "amends_revision_id" UUID,
ADD COLUMN     "rebased_from_id" UUID,
ADD COLUMN     "required_approvals" INTEGER,
ADD COLUMN     "rebase_conflict" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "revisions_document_id_edition_key" ON "revisions"("document_id", "edition");

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_amends_revision_id_fkey" FOREIGN KEY ("amends_revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_rebased_from_id_fkey" FOREIGN KEY ("rebased_from_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A revision's number of approvals stays within the document setting's range.
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_required_approvals_range" CHECK ("required_approvals" IS NULL OR "required_approvals" BETWEEN 1 AND 5);

-- An approved revision's text and record stay immutable. What may change is its place in the
-- chain (edition, the revision it amends, both renumbered when an earlier one is inserted) and,
-- once, its status from APPROVED to REBASED when its rebased copy replaces it. A REBASED revision
-- is as immutable. Compared as text: the new enum values cannot be used in this transaction.
CREATE OR REPLACE FUNCTION "revisions_refuse_approved_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."status"::text IN ('APPROVED', 'REBASED') THEN
        IF TG_OP = 'UPDATE'
           AND (to_jsonb(NEW) - ARRAY['edition', 'amends_revision_id', 'status']) = (to_jsonb(OLD) - ARRAY['edition', 'amends_revision_id', 'status'])
           AND (NEW."status"::text = OLD."status"::text OR (OLD."status"::text = 'APPROVED' AND NEW."status"::text = 'REBASED' AND NEW."edition" IS NULL)) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'approved revision % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

-- Data: every stored approved revision gets its place in its document's chain (ordered by
-- effective date; the stored number breaks a tie, which the unique date index rules out) and
-- the revision before it as the one it amends. `number` is left as it is: links to
-- /documents/{slug}/revisions/{number} and the audit trail's `revision` keep naming the same row.
WITH chain AS (
    SELECT "id",
           row_number() OVER (PARTITION BY "document_id" ORDER BY "effective_date" NULLS LAST, "number") AS "edition",
           lag("id") OVER (PARTITION BY "document_id" ORDER BY "effective_date" NULLS LAST, "number") AS "previous"
    FROM "revisions"
    WHERE "status" = 'APPROVED'
)
UPDATE "revisions" AS r
SET "edition" = chain."edition", "amends_revision_id" = chain."previous"
FROM chain
WHERE r."id" = chain."id";

-- Revisions already in review keep the document's setting of today, and whoever submitted them
-- counts as a contributor (separation of duties).
UPDATE "revisions" AS r
SET "required_approvals" = d."required_approvals"
FROM "documents" AS d
WHERE r."document_id" = d."id" AND r."status" = 'IN_REVIEW';

UPDATE "revisions"
SET "contributor_ids" = array_append("contributor_ids", "submitted_by_id"::text)
WHERE "status" IN ('DRAFT', 'IN_REVIEW') AND "submitted_by_id" IS NOT NULL
  AND NOT ("submitted_by_id"::text = ANY ("contributor_ids"));

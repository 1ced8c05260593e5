-- CreateEnum
CREATE TYPE "ReviewDecisionKind" AS ENUM ('APPROVE', 'REJECT');

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "required_approvals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "review_interval_months" INTEGER NOT NULL DEFAULT 12;

-- AlterTable
ALTER TABLE "revisions" ADD COLUMN     "base_revision_id" UUID,
ADD COLUMN     "contributor_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "draft_text" TEXT,
ADD COLUMN     "is_abolition" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "ReviewDecisionKind" NOT NULL,
    "comment" TEXT NOT NULL,
    "effective_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_conflict_copies" (
    "id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "base_version" INTEGER NOT NULL,
    "saved_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_conflict_copies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_decisions_revision_id_idx" ON "review_decisions"("revision_id");

-- CreateIndex
CREATE INDEX "draft_conflict_copies_revision_id_idx" ON "draft_conflict_copies"("revision_id");

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_conflict_copies" ADD CONSTRAINT "draft_conflict_copies_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open draft (DRAFT or IN_REVIEW) per document.
CREATE UNIQUE INDEX "revisions_one_open_draft_per_document"
    ON "revisions"("document_id") WHERE "status" IN ('DRAFT', 'IN_REVIEW');

-- Required approvals and review intervals stay sensible.
ALTER TABLE "documents" ADD CONSTRAINT "documents_required_approvals_range" CHECK ("required_approvals" BETWEEN 1 AND 5);
ALTER TABLE "documents" ADD CONSTRAINT "documents_review_interval_range" CHECK ("review_interval_months" BETWEEN 1 AND 120);

-- Review decisions are a record: never updated or deleted.
CREATE FUNCTION "review_decisions_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review decisions are never changed (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "review_decisions_immutable" BEFORE UPDATE OR DELETE ON "review_decisions"
    FOR EACH ROW EXECUTE FUNCTION "review_decisions_refuse_change"();

-- 遵守の確認 (issue 18, docs/decisions/018): the department hierarchy, the guideline's security roles,
-- whom a document applies to, the 実質改正/形式改正 mark with early reading and the due days on
-- revisions, and the acknowledgments themselves (append-only).

-- AlterEnum (the new values are used by no statement of this migration)
ALTER TYPE "Role" ADD VALUE 'CISO';
ALTER TYPE "Role" ADD VALUE 'SECURITY_GENERAL';
ALTER TYPE "Role" ADD VALUE 'SECURITY_RESPONSIBLE';
ALTER TYPE "Role" ADD VALUE 'SECURITY_MANAGER';

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('BU', 'KA', 'KAKARI');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('SUBSTANTIVE', 'WORDING');

-- AlterTable
ALTER TABLE "departments" ADD COLUMN "parent_id" UUID,
ADD COLUMN "kind" "DepartmentKind" NOT NULL DEFAULT 'BU';
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "departments" ADD CONSTRAINT "departments_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
CREATE INDEX "departments_parent_id_idx" ON "departments"("parent_id");

-- AlterTable
ALTER TABLE "users" ADD COLUMN "department_since" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN "ack_all_staff" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable (approved revisions are immutable: the trigger is off while the columns are added)
ALTER TABLE "revisions" DISABLE TRIGGER "revisions_immutable_when_approved";
ALTER TABLE "revisions" ADD COLUMN "change_kind" "ChangeKind",
ADD COLUMN "early_reading" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "ack_from" DATE,
ADD COLUMN "ack_due_days" INTEGER NOT NULL DEFAULT 14;
ALTER TABLE "revisions" ENABLE TRIGGER "revisions_immutable_when_approved";
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_ack_due_days_range" CHECK ("ack_due_days" BETWEEN 1 AND 365);

-- CreateTable
CREATE TABLE "document_ack_units" (
    "document_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,

    CONSTRAINT "document_ack_units_pkey" PRIMARY KEY ("document_id","department_id")
);
CREATE INDEX "document_ack_units_department_id_idx" ON "document_ack_units"("department_id");
ALTER TABLE "document_ack_units" ADD CONSTRAINT "document_ack_units_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "document_ack_units" ADD CONSTRAINT "document_ack_units_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "acknowledgments" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "department_id" UUID,
    "department_name" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "acknowledgments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "acknowledgments_user_id_revision_id_key" ON "acknowledgments"("user_id", "revision_id");
CREATE INDEX "acknowledgments_document_id_user_id_effective_date_idx" ON "acknowledgments"("document_id", "user_id", "effective_date");
CREATE INDEX "acknowledgments_revision_id_idx" ON "acknowledgments"("revision_id");
ALTER TABLE "acknowledgments" ADD CONSTRAINT "acknowledgments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "acknowledgments" ADD CONSTRAINT "acknowledgments_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "acknowledgments" ADD CONSTRAINT "acknowledgments_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "acknowledgments" ADD CONSTRAINT "acknowledgments_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An acknowledgment is history: never changed, never deleted.
CREATE FUNCTION "acknowledgments_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'acknowledgments are append-only';
END;
$$;
CREATE TRIGGER "acknowledgments_append_only" BEFORE UPDATE OR DELETE ON "acknowledgments"
  FOR EACH ROW EXECUTE FUNCTION "acknowledgments_refuse_change"();

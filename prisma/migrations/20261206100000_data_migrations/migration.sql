-- Data migrations (docs/decisions/014): changes to stored data written in TypeScript
-- (lib/server/db/data-migrations), run by the migration runner after the SQL migrations, in name
-- order, under the same advisory lock. Each one is recorded here once it has finished; the
-- application's role only reads this table.
-- CreateTable
CREATE TABLE "data_migrations" (
    "name" TEXT NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "data_migrations_pkey" PRIMARY KEY ("name")
);

-- A revision's text as it was stored before a data migration rewrote it: the old `content`,
-- `plain_text` and `content_hash`, kept so that nothing stored is lost (the audit trail's
-- `contentHash` of events before the migration names the old hash). Written once per revision,
-- never changed; the application's role only reads it.
-- CreateTable
CREATE TABLE "revision_legacy_contents" (
    "revision_id" UUID NOT NULL,
    "migration" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "plain_text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "migrated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_legacy_contents_pkey" PRIMARY KEY ("revision_id")
);

-- AddForeignKey
ALTER TABLE "revision_legacy_contents" ADD CONSTRAINT "revision_legacy_contents_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

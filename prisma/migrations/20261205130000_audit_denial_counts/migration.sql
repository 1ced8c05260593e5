-- Refused anonymous requests counted per hour, address, action and target (ADR 008); ended hours
-- are moved into audit_events as one event each with the count.
-- CreateTable
CREATE TABLE "audit_denial_counts" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "client_address" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL DEFAULT '',
    "target_id" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "audit_denial_counts_pkey" PRIMARY KEY ("hour","client_address","action","target_type","target_id")
);

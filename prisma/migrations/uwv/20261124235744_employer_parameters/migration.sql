-- AlterTable
ALTER TABLE "uwv"."quota_rule" ADD COLUMN     "quote" TEXT;

-- CreateTable
CREATE TABLE "uwv"."employer_parameter" (
    "instrument" TEXT NOT NULL,
    "parameter" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "law" TEXT NOT NULL,
    "bwbId" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "employer_parameter_pkey" PRIMARY KEY ("instrument","parameter","validFrom")
);


-- The quota rules are reloaded from datasets/quota-rules.csv, which now keeps only what a letter
-- states (loading never deletes, so the old rows, which assumed the quota applies 2018–2026, go here).
DELETE FROM "uwv"."quota_rule";

-- CreateTable
CREATE TABLE "uwv"."labour_market_region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "labour_market_region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "uwv"."regional_job_measurement" (
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "paidHoursPerWeek" DECIMAL(65,30) NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "regional_job_measurement_pkey" PRIMARY KEY ("regionCode","year","quarter")
);

-- CreateTable
CREATE TABLE "uwv"."quota_rule" (
    "sector" TEXT NOT NULL,
    "yearFrom" INTEGER NOT NULL,
    "yearTo" INTEGER NOT NULL,
    "applies" BOOLEAN NOT NULL,
    "levyPerJobCents" BIGINT NOT NULL,
    "activationSourceId" TEXT NOT NULL,
    "levySourceId" TEXT NOT NULL,

    CONSTRAINT "quota_rule_pkey" PRIMARY KEY ("sector","yearFrom")
);

-- CreateIndex
CREATE INDEX "regional_job_measurement_year_quarter_idx" ON "uwv"."regional_job_measurement"("year", "quarter");

-- CreateIndex
CREATE INDEX "regional_job_measurement_sourceId_idx" ON "uwv"."regional_job_measurement"("sourceId");


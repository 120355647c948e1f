-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "reference";

-- CreateTable
CREATE TABLE "reference"."source" (
    "id" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "url" TEXT,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "license" TEXT,
    "note" TEXT,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference"."province" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "reference"."labour_market_region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "labour_market_region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "reference"."municipality" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "labourMarketRegionCode" TEXT,
    "coropCode" TEXT NOT NULL,
    "coropName" TEXT NOT NULL,
    "lastYear" INTEGER NOT NULL,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "reference"."municipality_name" (
    "searchKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lastYear" INTEGER NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    CONSTRAINT "municipality_name_pkey" PRIMARY KEY ("searchKey")
);

-- CreateTable
CREATE TABLE "reference"."population" (
    "municipalityCode" TEXT NOT NULL,
    "referenceDate" DATE NOT NULL,
    "value" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "population_pkey" PRIMARY KEY ("municipalityCode","referenceDate")
);

-- CreateIndex
CREATE INDEX "municipality_provinceCode_idx" ON "reference"."municipality"("provinceCode");

-- CreateIndex
CREATE INDEX "municipality_labourMarketRegionCode_idx" ON "reference"."municipality"("labourMarketRegionCode");

-- CreateIndex
CREATE INDEX "municipality_lastYear_idx" ON "reference"."municipality"("lastYear");

-- CreateIndex
CREATE INDEX "municipality_name_municipalityCode_idx" ON "reference"."municipality_name"("municipalityCode");

-- CreateIndex
CREATE INDEX "population_referenceDate_idx" ON "reference"."population"("referenceDate");

-- AddForeignKey
ALTER TABLE "reference"."municipality" ADD CONSTRAINT "municipality_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "reference"."province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference"."municipality" ADD CONSTRAINT "municipality_labourMarketRegionCode_fkey" FOREIGN KEY ("labourMarketRegionCode") REFERENCES "reference"."labour_market_region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference"."municipality_name" ADD CONSTRAINT "municipality_name_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "reference"."municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference"."population" ADD CONSTRAINT "population_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "reference"."municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference"."population" ADD CONSTRAINT "population_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "reference"."source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


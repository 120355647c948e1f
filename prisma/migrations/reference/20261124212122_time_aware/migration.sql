-- DropForeignKey
ALTER TABLE "reference"."municipality" DROP CONSTRAINT "municipality_labourMarketRegionCode_fkey";

-- DropIndex
DROP INDEX "reference"."municipality_labourMarketRegionCode_idx";

-- DropIndex
DROP INDEX "reference"."municipality_name_municipalityCode_idx";

-- AlterTable
ALTER TABLE "reference"."municipality" DROP COLUMN "labourMarketRegionCode",
ADD COLUMN     "createdOn" DATE,
ADD COLUMN     "dissolvedOn" DATE,
ADD COLUMN     "firstYear" INTEGER NOT NULL DEFAULT 2010;

-- existing rows get 2010 until the reference data is loaded again at start; no default afterwards
ALTER TABLE "reference"."municipality" ALTER COLUMN "firstYear" DROP DEFAULT;

-- AlterTable
ALTER TABLE "reference"."municipality_name" DROP CONSTRAINT "municipality_name_pkey",
ADD CONSTRAINT "municipality_name_pkey" PRIMARY KEY ("municipalityCode", "name");

-- CreateTable
CREATE TABLE "reference"."labour_market_region_name" (
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "labour_market_region_name_pkey" PRIMARY KEY ("regionCode","year")
);

-- CreateTable
CREATE TABLE "reference"."municipality_alias" (
    "alias" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "municipality_alias_pkey" PRIMARY KEY ("alias","municipalityCode")
);

-- CreateTable
CREATE TABLE "reference"."municipality_change" (
    "dissolvedCode" TEXT NOT NULL,
    "successorCode" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "dissolvedName" TEXT,
    "successorName" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "municipality_change_pkey" PRIMARY KEY ("dissolvedCode","successorCode")
);

-- CreateTable
CREATE TABLE "reference"."region_membership" (
    "year" INTEGER NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "region_membership_pkey" PRIMARY KEY ("year","municipalityCode")
);

-- CreateTable
CREATE TABLE "reference"."region_classification" (
    "year" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "region_classification_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "municipality_change_successorCode_idx" ON "reference"."municipality_change"("successorCode");

-- CreateIndex
CREATE INDEX "region_membership_regionCode_idx" ON "reference"."region_membership"("regionCode");

-- CreateIndex
CREATE INDEX "municipality_name_searchKey_idx" ON "reference"."municipality_name"("searchKey");

-- AddForeignKey
ALTER TABLE "reference"."labour_market_region_name" ADD CONSTRAINT "labour_market_region_name_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "reference"."labour_market_region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;


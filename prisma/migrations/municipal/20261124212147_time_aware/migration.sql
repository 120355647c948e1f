-- DropIndex
DROP INDEX "municipal"."municipality_area_labourMarketRegionCode_idx";

-- AlterTable
ALTER TABLE "municipal"."municipality_area" DROP COLUMN "labourMarketRegionCode",
ADD COLUMN     "createdOn" DATE,
ADD COLUMN     "dissolvedOn" DATE,
ADD COLUMN     "firstYear" INTEGER NOT NULL DEFAULT 2010;

-- existing rows get 2010 until the reference data is loaded again at start; no default afterwards
ALTER TABLE "municipal"."municipality_area" ALTER COLUMN "firstYear" DROP DEFAULT;

-- CreateTable
CREATE TABLE "municipal"."municipality_change" (
    "dissolvedCode" TEXT NOT NULL,
    "successorCode" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "municipality_change_pkey" PRIMARY KEY ("dissolvedCode","successorCode")
);

-- CreateTable
CREATE TABLE "municipal"."region_membership" (
    "year" INTEGER NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "region_membership_pkey" PRIMARY KEY ("year","municipalityCode")
);

-- CreateTable
CREATE TABLE "municipal"."region_classification" (
    "year" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "region_classification_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "region_membership_regionCode_idx" ON "municipal"."region_membership"("regionCode");


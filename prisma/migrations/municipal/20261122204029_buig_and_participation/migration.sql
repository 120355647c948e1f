-- CreateTable
CREATE TABLE "municipal"."municipality_area" (
    "municipalityCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "labourMarketRegionCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "lastYear" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "municipality_area_pkey" PRIMARY KEY ("municipalityCode")
);

-- CreateTable
CREATE TABLE "municipal"."buig_macrobudget" (
    "year" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "qualifier" TEXT NOT NULL,
    "publishedOn" TEXT,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "buig_macrobudget_pkey" PRIMARY KEY ("year","stage")
);

-- CreateTable
CREATE TABLE "municipal"."buig_budget" (
    "municipalityCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "share" DECIMAL(65,30),
    "publishedOn" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "buig_budget_pkey" PRIMARY KEY ("municipalityCode","year","stage")
);

-- CreateTable
CREATE TABLE "municipal"."buig_spending" (
    "municipalityCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "buig_spending_pkey" PRIMARY KEY ("municipalityCode","year")
);

-- CreateTable
CREATE TABLE "municipal"."participation_share" (
    "municipalityCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "targetGroup" TEXT NOT NULL,
    "share" DECIMAL(65,30) NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "participation_share_pkey" PRIMARY KEY ("municipalityCode","year","targetGroup")
);

-- CreateTable
CREATE TABLE "municipal"."safety_net_rule" (
    "year" INTEGER NOT NULL,
    "thresholdBp" INTEGER NOT NULL,
    "bands" JSONB NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "safety_net_rule_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "municipality_area_labourMarketRegionCode_idx" ON "municipal"."municipality_area"("labourMarketRegionCode");

-- CreateIndex
CREATE INDEX "municipality_area_provinceCode_idx" ON "municipal"."municipality_area"("provinceCode");

-- CreateIndex
CREATE INDEX "buig_budget_year_stage_idx" ON "municipal"."buig_budget"("year", "stage");

-- CreateIndex
CREATE INDEX "buig_budget_sourceId_idx" ON "municipal"."buig_budget"("sourceId");

-- CreateIndex
CREATE INDEX "buig_spending_year_idx" ON "municipal"."buig_spending"("year");

-- CreateIndex
CREATE INDEX "buig_spending_sourceId_idx" ON "municipal"."buig_spending"("sourceId");

-- CreateIndex
CREATE INDEX "participation_share_year_idx" ON "municipal"."participation_share"("year");

-- CreateIndex
CREATE INDEX "participation_share_sourceId_idx" ON "municipal"."participation_share"("sourceId");


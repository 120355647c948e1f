-- CreateTable
CREATE TABLE "municipal"."sheltered_work_places" (
    "municipalityCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "targetPlaces" DECIMAL(65,30),
    "realisedPlaces" DECIMAL(65,30),
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "sheltered_work_places_pkey" PRIMARY KEY ("municipalityCode","year")
);

-- CreateIndex
CREATE INDEX "sheltered_work_places_year_idx" ON "municipal"."sheltered_work_places"("year");

-- CreateIndex
CREATE INDEX "sheltered_work_places_sourceId_idx" ON "municipal"."sheltered_work_places"("sourceId");


-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "uwv";

-- CreateTable
CREATE TABLE "uwv"."source" (
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
CREATE TABLE "uwv"."official_figure" (
    "topic" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" DECIMAL(65,30) NOT NULL,
    "valueText" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "qualifier" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "official_figure_pkey" PRIMARY KEY ("topic","metric","period","dimension")
);

-- CreateIndex
CREATE INDEX "official_figure_sourceId_idx" ON "uwv"."official_figure"("sourceId");

-- AddForeignKey
ALTER TABLE "uwv"."official_figure" ADD CONSTRAINT "official_figure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "uwv"."source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


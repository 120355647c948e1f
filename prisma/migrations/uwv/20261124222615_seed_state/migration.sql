-- CreateTable
CREATE TABLE "uwv"."seed_state" (
    "part" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seed_state_pkey" PRIMARY KEY ("part")
);


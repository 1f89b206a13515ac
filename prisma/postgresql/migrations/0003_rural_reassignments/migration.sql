-- CreateTable
CREATE TABLE "Reassignment" (
    "id" SERIAL NOT NULL,
    "decisionId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "officers" JSONB NOT NULL,
    "reassigned" JSONB,
    "decidedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "effectiveFrom" TEXT,
    "reason" TEXT,
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reassignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reassignment_decisionId_key" ON "Reassignment"("decisionId");

-- CreateIndex
CREATE INDEX "Reassignment_communityId_status_idx" ON "Reassignment"("communityId", "status");


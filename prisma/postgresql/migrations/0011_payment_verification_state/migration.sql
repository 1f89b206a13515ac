-- AlterTable
ALTER TABLE "PaymentObligation" ADD COLUMN     "escalations" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fullSince" TIMESTAMP(3),
ADD COLUMN     "lookedAt" TIMESTAMP(3),
ADD COLUMN     "nextEscalationAt" TIMESTAMP(3),
ADD COLUMN     "nextLookAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "PaymentObligation_cycleId_nextLookAt_idx" ON "PaymentObligation"("cycleId", "nextLookAt");


-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN "failedAt" DATETIME;
ALTER TABLE "Cycle" ADD COLUMN "failureFix" TEXT;
ALTER TABLE "Cycle" ADD COLUMN "failureReason" TEXT;
ALTER TABLE "Cycle" ADD COLUMN "failureType" TEXT;


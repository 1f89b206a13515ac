-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "failureFix" TEXT,
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "failureType" TEXT;


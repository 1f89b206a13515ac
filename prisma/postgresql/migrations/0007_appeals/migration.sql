-- DropIndex
DROP INDEX "Evaluation_cycleId_communityId_key";

-- DropIndex
DROP INDEX "Decision_cycleId_subjectId_kind_key";

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "appealId" INTEGER,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "supersededBy" INTEGER,
ADD COLUMN     "supersededByAppeal" INTEGER,
ADD COLUMN     "supersededReason" TEXT;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "appealId" INTEGER,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "supersededBy" TEXT,
ADD COLUMN     "supersededByAppeal" INTEGER,
ADD COLUMN     "supersededReason" TEXT;

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnReason" TEXT;

-- CreateTable
CREATE TABLE "Appeal" (
    "id" SERIAL NOT NULL,
    "cycleId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "contests" TEXT NOT NULL,
    "decisionId" TEXT,
    "reason" TEXT NOT NULL,
    "metric" TEXT,
    "value" DOUBLE PRECISION,
    "windowEndsOn" TEXT NOT NULL,
    "deadlineOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedBy" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "acceptedMetric" TEXT,
    "acceptedValue" DOUBLE PRECISION,
    "redecidedAt" TIMESTAMP(3),
    "outcome" JSONB,
    "filedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Appeal_cycleId_communityId_idx" ON "Appeal"("cycleId", "communityId");

-- CreateIndex
CREATE INDEX "Appeal_officerId_idx" ON "Appeal"("officerId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_cycleId_communityId_revision_key" ON "Evaluation"("cycleId", "communityId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_cycleId_subjectId_kind_revision_key" ON "Decision"("cycleId", "subjectId", "kind", "revision");


-- Issue 11: counties and accounts. A database made before counties upgrades into one first
-- county, 'county-1', which the bureau may rename; every existing row is put in it, and the
-- bootstrap token becomes bureau staff of it. An empty database gets no county here: the seed
-- or `npm run counties -- add` creates the first one.
-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Officer" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1',
ADD COLUMN     "stationId" TEXT;

-- AlterTable
ALTER TABLE "Reassignment" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Leader" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Binding" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "MetricSubmission" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "PaymentObligation" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "RuleSetVersion" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "ApiUser" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "authMethod" TEXT,
ADD COLUMN     "countyId" TEXT,
ADD COLUMN     "credentialId" TEXT,
ADD COLUMN     "role" TEXT;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Diversion" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "countyId" TEXT NOT NULL DEFAULT 'county-1';

-- CreateTable
CREATE TABLE "County" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "countyId" TEXT,
    "role" TEXT NOT NULL,
    "subjectId" TEXT,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "passwordChangedAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "csrfHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "permissions" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Station_countyId_idx" ON "Station"("countyId");

-- CreateIndex
CREATE INDEX "User_countyId_idx" ON "User"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_codeHash_key" ON "Invitation"("codeHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessToken_tokenHash_key" ON "AccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessToken_userId_idx" ON "AccessToken"("userId");

-- CreateIndex
CREATE INDEX "Community_countyId_idx" ON "Community"("countyId");

-- CreateIndex
CREATE INDEX "Officer_countyId_idx" ON "Officer"("countyId");

-- CreateIndex
CREATE INDEX "Reassignment_countyId_idx" ON "Reassignment"("countyId");

-- CreateIndex
CREATE INDEX "Leader_countyId_idx" ON "Leader"("countyId");

-- CreateIndex
CREATE INDEX "Department_countyId_idx" ON "Department"("countyId");

-- CreateIndex
CREATE INDEX "Binding_countyId_idx" ON "Binding"("countyId");

-- CreateIndex
CREATE INDEX "MetricSubmission_countyId_idx" ON "MetricSubmission"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_countyId_kind_period_key" ON "Cycle"("countyId", "kind", "period");

-- CreateIndex
CREATE INDEX "Evaluation_countyId_idx" ON "Evaluation"("countyId");

-- CreateIndex
CREATE INDEX "Decision_countyId_idx" ON "Decision"("countyId");

-- CreateIndex
CREATE INDEX "PaymentObligation_countyId_idx" ON "PaymentObligation"("countyId");

-- CreateIndex
CREATE INDEX "Notice_countyId_idx" ON "Notice"("countyId");

-- CreateIndex
CREATE INDEX "RuleSetVersion_countyId_idx" ON "RuleSetVersion"("countyId");

-- CreateIndex
CREATE INDEX "AuditEntry_countyId_at_idx" ON "AuditEntry"("countyId", "at");

-- CreateIndex
CREATE INDEX "Visit_countyId_idx" ON "Visit"("countyId");

-- CreateIndex
CREATE INDEX "Diversion_countyId_idx" ON "Diversion"("countyId");

-- CreateIndex
CREATE INDEX "Incident_countyId_idx" ON "Incident"("countyId");

-- CreateIndex
CREATE INDEX "Appeal_countyId_idx" ON "Appeal"("countyId");

-- The first county exists only where there is data to put in it.
INSERT INTO "County" ("id", "name", "createdAt", "updatedAt")
SELECT 'county-1', '本县公安局', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Community") OR EXISTS (SELECT 1 FROM "ApiUser") OR EXISTS (SELECT 1 FROM "RuleSetVersion") OR EXISTS (SELECT 1 FROM "Cycle");
UPDATE "AuditEntry" SET "countyId" = 'county-1' WHERE EXISTS (SELECT 1 FROM "County" WHERE "id" = 'county-1');

-- The default only carried existing rows into the first county; new rows name their own.
ALTER TABLE "Community" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Officer" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Reassignment" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Leader" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Department" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Binding" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "MetricSubmission" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Cycle" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Evaluation" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Decision" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "PaymentObligation" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Notice" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "RuleSetVersion" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "ApiUser" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Visit" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Diversion" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Incident" ALTER COLUMN "countyId" DROP DEFAULT;
ALTER TABLE "Appeal" ALTER COLUMN "countyId" DROP DEFAULT;

-- Issue 11: counties and accounts. A database made before counties upgrades into one first
-- county, 'county-1', which the bureau may rename; every existing row is put in it, and the
-- bootstrap token becomes bureau staff of it. An empty database gets no county here: the seed
-- or `npm run counties -- add` creates the first one.
-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "authMethod" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "countyId" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "credentialId" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "role" TEXT;

-- CreateTable
CREATE TABLE "County" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Station" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT,
    "role" TEXT NOT NULL,
    "subjectId" TEXT,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "passwordChangedAt" DATETIME,
    "disabledAt" DATETIME,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "csrfHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "permissions" JSONB NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
-- The migration runner applies each migration inside a transaction, where SQLite ignores
-- PRAGMA foreign_keys=OFF: dropping the old "Community" below is then an implicit DELETE that
-- sets every Posting's communityId to NULL (its ON DELETE SET NULL). The postings' communities are
-- kept aside here and put back once the new "Community" has its rows.
CREATE TEMP TABLE "_0008_posting_community" AS SELECT "id", "communityId" FROM "Posting" WHERE "communityId" IS NOT NULL;
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Community" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "complexity" INTEGER NOT NULL,
    "area" TEXT NOT NULL DEFAULT 'urban',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Community" ("countyId", "area", "complexity", "createdAt", "id", "name", "population", "updatedAt") SELECT 'county-1', "area", "complexity", "createdAt", "id", "name", "population", "updatedAt" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE INDEX "Community_countyId_idx" ON "Community"("countyId");
UPDATE "Posting" SET "communityId" = (SELECT p."communityId" FROM "_0008_posting_community" p WHERE p."id" = "Posting"."id") WHERE "id" IN (SELECT "id" FROM "_0008_posting_community");
DROP TABLE "_0008_posting_community";
CREATE TABLE "new_Officer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "stationId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Officer" ("countyId", "createdAt", "email", "id", "name", "updatedAt") SELECT 'county-1', "createdAt", "email", "id", "name", "updatedAt" FROM "Officer";
DROP TABLE "Officer";
ALTER TABLE "new_Officer" RENAME TO "Officer";
CREATE INDEX "Officer_countyId_idx" ON "Officer"("countyId");
CREATE TABLE "new_Reassignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
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
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Reassignment" ("countyId", "communityId", "createdAt", "cycleId", "decidedOn", "decisionId", "effectiveFrom", "id", "officers", "reason", "reassigned", "resolvedAt", "resolvedBy", "status") SELECT 'county-1', "communityId", "createdAt", "cycleId", "decidedOn", "decisionId", "effectiveFrom", "id", "officers", "reason", "reassigned", "resolvedAt", "resolvedBy", "status" FROM "Reassignment";
DROP TABLE "Reassignment";
ALTER TABLE "new_Reassignment" RENAME TO "Reassignment";
CREATE UNIQUE INDEX "Reassignment_decisionId_key" ON "Reassignment"("decisionId");
CREATE INDEX "Reassignment_communityId_status_idx" ON "Reassignment"("communityId", "status");
CREATE INDEX "Reassignment_countyId_idx" ON "Reassignment"("countyId");
CREATE TABLE "new_Leader" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Leader" ("countyId", "createdAt", "email", "id", "name", "updatedAt") SELECT 'county-1', "createdAt", "email", "id", "name", "updatedAt" FROM "Leader";
DROP TABLE "Leader";
ALTER TABLE "new_Leader" RENAME TO "Leader";
CREATE INDEX "Leader_countyId_idx" ON "Leader"("countyId");
CREATE TABLE "new_Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Department" ("countyId", "createdAt", "email", "id", "name", "updatedAt") SELECT 'county-1', "createdAt", "email", "id", "name", "updatedAt" FROM "Department";
DROP TABLE "Department";
ALTER TABLE "new_Department" RENAME TO "Department";
CREATE INDEX "Department_countyId_idx" ON "Department"("countyId");
CREATE TABLE "new_Binding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Binding_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Binding" ("countyId", "communityId", "createdAt", "effectiveFrom", "effectiveTo", "id", "subjectId", "subjectType") SELECT 'county-1', "communityId", "createdAt", "effectiveFrom", "effectiveTo", "id", "subjectId", "subjectType" FROM "Binding";
DROP TABLE "Binding";
ALTER TABLE "new_Binding" RENAME TO "Binding";
CREATE INDEX "Binding_subjectType_subjectId_idx" ON "Binding"("subjectType", "subjectId");
CREATE INDEX "Binding_countyId_idx" ON "Binding"("countyId");
CREATE UNIQUE INDEX "Binding_communityId_subjectType_subjectId_effectiveFrom_key" ON "Binding"("communityId", "subjectType", "subjectId", "effectiveFrom");
CREATE TABLE "new_MetricSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MetricSubmission_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_MetricSubmission" ("countyId", "actor", "communityId", "id", "metric", "period", "submittedAt", "submittedBy", "value") SELECT 'county-1', "actor", "communityId", "id", "metric", "period", "submittedAt", "submittedBy", "value" FROM "MetricSubmission";
DROP TABLE "MetricSubmission";
ALTER TABLE "new_MetricSubmission" RENAME TO "MetricSubmission";
CREATE INDEX "MetricSubmission_period_idx" ON "MetricSubmission"("period");
CREATE INDEX "MetricSubmission_countyId_idx" ON "MetricSubmission"("countyId");
CREATE UNIQUE INDEX "MetricSubmission_period_communityId_metric_key" ON "MetricSubmission"("period", "communityId", "metric");
CREATE TABLE "new_Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ruleSetVersionId" INTEGER NOT NULL,
    "gaps" JSONB,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "failureType" TEXT,
    "failureReason" TEXT,
    "failureFix" TEXT,
    "failedAt" DATETIME
);
INSERT INTO "new_Cycle" ("countyId", "completedAt", "failedAt", "failureFix", "failureReason", "failureType", "gaps", "id", "kind", "period", "ruleSetVersionId", "startedAt", "status") SELECT 'county-1', "completedAt", "failedAt", "failureFix", "failureReason", "failureType", "gaps", "id", "kind", "period", "ruleSetVersionId", "startedAt", "status" FROM "Cycle";
DROP TABLE "Cycle";
ALTER TABLE "new_Cycle" RENAME TO "Cycle";
CREATE UNIQUE INDEX "Cycle_countyId_kind_period_key" ON "Cycle"("countyId", "kind", "period");
CREATE TABLE "new_Evaluation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "rank" INTEGER NOT NULL,
    "isLast" BOOLEAN NOT NULL,
    "lastStreak" INTEGER NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL,
    "missing" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "appealId" INTEGER,
    "supersededBy" INTEGER,
    "supersededByAppeal" INTEGER,
    "supersededAt" DATETIME,
    "supersededReason" TEXT,
    CONSTRAINT "Evaluation_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Evaluation" ("countyId", "appealId", "breakdown", "communityId", "createdAt", "cycleId", "id", "isLast", "lastStreak", "missing", "period", "rank", "revision", "score", "supersededAt", "supersededBy", "supersededByAppeal", "supersededReason") SELECT 'county-1', "appealId", "breakdown", "communityId", "createdAt", "cycleId", "id", "isLast", "lastStreak", "missing", "period", "rank", "revision", "score", "supersededAt", "supersededBy", "supersededByAppeal", "supersededReason" FROM "Evaluation";
DROP TABLE "Evaluation";
ALTER TABLE "new_Evaluation" RENAME TO "Evaluation";
CREATE INDEX "Evaluation_period_idx" ON "Evaluation"("period");
CREATE INDEX "Evaluation_countyId_idx" ON "Evaluation"("countyId");
CREATE UNIQUE INDEX "Evaluation_cycleId_communityId_revision_key" ON "Evaluation"("cycleId", "communityId", "revision");
CREATE TABLE "new_Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officers" JSONB NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "amountFen" INTEGER,
    "ruleSetVersionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "appealId" INTEGER,
    "supersededBy" TEXT,
    "supersededByAppeal" INTEGER,
    "supersededAt" DATETIME,
    "supersededReason" TEXT
);
INSERT INTO "new_Decision" ("countyId", "amountFen", "appealId", "createdAt", "cycleId", "facts", "id", "kind", "officers", "reason", "revision", "rule", "ruleSetVersionId", "subjectId", "subjectType", "supersededAt", "supersededBy", "supersededByAppeal", "supersededReason", "type") SELECT 'county-1', "amountFen", "appealId", "createdAt", "cycleId", "facts", "id", "kind", "officers", "reason", "revision", "rule", "ruleSetVersionId", "subjectId", "subjectType", "supersededAt", "supersededBy", "supersededByAppeal", "supersededReason", "type" FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
CREATE INDEX "Decision_cycleId_idx" ON "Decision"("cycleId");
CREATE INDEX "Decision_countyId_idx" ON "Decision"("countyId");
CREATE UNIQUE INDEX "Decision_cycleId_subjectId_kind_revision_key" ON "Decision"("cycleId", "subjectId", "kind", "revision");
CREATE TABLE "new_PaymentObligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payeeType" TEXT NOT NULL,
    "payeeId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "dueOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "confirmedFen" INTEGER NOT NULL DEFAULT 0,
    "settledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PaymentObligation" ("countyId", "amountFen", "confirmedFen", "createdAt", "cycleId", "decisionId", "dueOn", "id", "kind", "payeeId", "payeeType", "settledAt", "status", "updatedAt") SELECT 'county-1', "amountFen", "confirmedFen", "createdAt", "cycleId", "decisionId", "dueOn", "id", "kind", "payeeId", "payeeType", "settledAt", "status", "updatedAt" FROM "PaymentObligation";
DROP TABLE "PaymentObligation";
ALTER TABLE "new_PaymentObligation" RENAME TO "PaymentObligation";
CREATE INDEX "PaymentObligation_cycleId_idx" ON "PaymentObligation"("cycleId");
CREATE INDEX "PaymentObligation_payeeId_idx" ON "PaymentObligation"("payeeId");
CREATE INDEX "PaymentObligation_countyId_idx" ON "PaymentObligation"("countyId");
CREATE TABLE "new_Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cycleId" TEXT,
    "about" TEXT,
    "rule" TEXT,
    "titleZh" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "withdrawnReason" TEXT
);
INSERT INTO "new_Notice" ("countyId", "about", "bodyEn", "bodyZh", "createdAt", "cycleId", "facts", "id", "kind", "rule", "titleZh", "withdrawnAt", "withdrawnReason") SELECT 'county-1', "about", "bodyEn", "bodyZh", "createdAt", "cycleId", "facts", "id", "kind", "rule", "titleZh", "withdrawnAt", "withdrawnReason" FROM "Notice";
DROP TABLE "Notice";
ALTER TABLE "new_Notice" RENAME TO "Notice";
CREATE INDEX "Notice_kind_idx" ON "Notice"("kind");
CREATE INDEX "Notice_countyId_idx" ON "Notice"("countyId");
CREATE TABLE "new_RuleSetVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_RuleSetVersion" ("countyId", "author", "createdAt", "document", "effectiveFrom", "id", "name", "reason") SELECT 'county-1', "author", "createdAt", "document", "effectiveFrom", "id", "name", "reason" FROM "RuleSetVersion";
DROP TABLE "RuleSetVersion";
ALTER TABLE "new_RuleSetVersion" RENAME TO "RuleSetVersion";
CREATE INDEX "RuleSetVersion_countyId_idx" ON "RuleSetVersion"("countyId");
CREATE TABLE "new_ApiUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ApiUser" ("countyId", "createdAt", "id", "name", "tokenHash") SELECT 'county-1', "createdAt", "id", "name", "tokenHash" FROM "ApiUser";
DROP TABLE "ApiUser";
ALTER TABLE "new_ApiUser" RENAME TO "ApiUser";
CREATE UNIQUE INDEX "ApiUser_tokenHash_key" ON "ApiUser"("tokenHash");
CREATE TABLE "new_Visit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "answeredBy" TEXT,
    "answeredAt" DATETIME,
    "loggedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Visit" ("countyId", "answeredAt", "answeredBy", "communityId", "createdAt", "date", "id", "leaderId", "loggedBy", "note", "status") SELECT 'county-1', "answeredAt", "answeredBy", "communityId", "createdAt", "date", "id", "leaderId", "loggedBy", "note", "status" FROM "Visit";
DROP TABLE "Visit";
ALTER TABLE "new_Visit" RENAME TO "Visit";
CREATE INDEX "Visit_leaderId_date_idx" ON "Visit"("leaderId", "date");
CREATE INDEX "Visit_countyId_idx" ON "Visit"("countyId");
CREATE TABLE "new_Diversion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Diversion" ("countyId", "communityId", "createdAt", "date", "id", "kind", "note", "officerId", "recordedBy", "stationId") SELECT 'county-1', "communityId", "createdAt", "date", "id", "kind", "note", "officerId", "recordedBy", "stationId" FROM "Diversion";
DROP TABLE "Diversion";
ALTER TABLE "new_Diversion" RENAME TO "Diversion";
CREATE INDEX "Diversion_communityId_date_idx" ON "Diversion"("communityId", "date");
CREATE INDEX "Diversion_countyId_idx" ON "Diversion"("countyId");
CREATE TABLE "new_Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "solved" BOOLEAN NOT NULL DEFAULT false,
    "solvedOn" TEXT,
    "submittedBy" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Incident" ("countyId", "actor", "category", "communityId", "createdAt", "id", "occurredOn", "solved", "solvedOn", "submittedBy", "summary") SELECT 'county-1', "actor", "category", "communityId", "createdAt", "id", "occurredOn", "solved", "solvedOn", "submittedBy", "summary" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE INDEX "Incident_occurredOn_idx" ON "Incident"("occurredOn");
CREATE INDEX "Incident_solvedOn_idx" ON "Incident"("solvedOn");
CREATE INDEX "Incident_countyId_idx" ON "Incident"("countyId");
CREATE TABLE "new_Appeal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "countyId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "contests" TEXT NOT NULL,
    "decisionId" TEXT,
    "reason" TEXT NOT NULL,
    "metric" TEXT,
    "value" REAL,
    "windowEndsOn" TEXT NOT NULL,
    "deadlineOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedBy" TEXT,
    "decisionReason" TEXT,
    "decidedAt" DATETIME,
    "acceptedMetric" TEXT,
    "acceptedValue" REAL,
    "redecidedAt" DATETIME,
    "outcome" JSONB,
    "filedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Appeal" ("countyId", "acceptedMetric", "acceptedValue", "communityId", "contests", "createdAt", "cycleId", "deadlineOn", "decidedAt", "decidedBy", "decisionId", "decisionReason", "filedBy", "id", "metric", "officerId", "outcome", "reason", "redecidedAt", "status", "value", "windowEndsOn") SELECT 'county-1', "acceptedMetric", "acceptedValue", "communityId", "contests", "createdAt", "cycleId", "deadlineOn", "decidedAt", "decidedBy", "decisionId", "decisionReason", "filedBy", "id", "metric", "officerId", "outcome", "reason", "redecidedAt", "status", "value", "windowEndsOn" FROM "Appeal";
DROP TABLE "Appeal";
ALTER TABLE "new_Appeal" RENAME TO "Appeal";
CREATE INDEX "Appeal_cycleId_communityId_idx" ON "Appeal"("cycleId", "communityId");
CREATE INDEX "Appeal_officerId_idx" ON "Appeal"("officerId");
CREATE INDEX "Appeal_countyId_idx" ON "Appeal"("countyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
CREATE INDEX "AuditEntry_countyId_at_idx" ON "AuditEntry"("countyId", "at");

-- The first county exists only where there is data to put in it.
INSERT INTO "County" ("id", "name", "createdAt", "updatedAt")
SELECT 'county-1', '本县公安局', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Community") OR EXISTS (SELECT 1 FROM "ApiUser") OR EXISTS (SELECT 1 FROM "RuleSetVersion") OR EXISTS (SELECT 1 FROM "Cycle");
UPDATE "AuditEntry" SET "countyId" = 'county-1' WHERE EXISTS (SELECT 1 FROM "County" WHERE "id" = 'county-1');

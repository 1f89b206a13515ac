-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "withdrawnAt" DATETIME;
ALTER TABLE "Notice" ADD COLUMN "withdrawnReason" TEXT;

-- CreateTable
CREATE TABLE "Appeal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evaluation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO "new_Evaluation" ("breakdown", "communityId", "createdAt", "cycleId", "id", "isLast", "lastStreak", "missing", "period", "rank", "score") SELECT "breakdown", "communityId", "createdAt", "cycleId", "id", "isLast", "lastStreak", "missing", "period", "rank", "score" FROM "Evaluation";
DROP TABLE "Evaluation";
ALTER TABLE "new_Evaluation" RENAME TO "Evaluation";
CREATE INDEX "Evaluation_period_idx" ON "Evaluation"("period");
CREATE UNIQUE INDEX "Evaluation_cycleId_communityId_revision_key" ON "Evaluation"("cycleId", "communityId", "revision");
CREATE TABLE "new_Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
INSERT INTO "new_Decision" ("amountFen", "createdAt", "cycleId", "facts", "id", "kind", "officers", "reason", "rule", "ruleSetVersionId", "subjectId", "subjectType", "type") SELECT "amountFen", "createdAt", "cycleId", "facts", "id", "kind", "officers", "reason", "rule", "ruleSetVersionId", "subjectId", "subjectType", "type" FROM "Decision";
DROP TABLE "Decision";
ALTER TABLE "new_Decision" RENAME TO "Decision";
CREATE INDEX "Decision_cycleId_idx" ON "Decision"("cycleId");
CREATE UNIQUE INDEX "Decision_cycleId_subjectId_kind_revision_key" ON "Decision"("cycleId", "subjectId", "kind", "revision");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Appeal_cycleId_communityId_idx" ON "Appeal"("cycleId", "communityId");

-- CreateIndex
CREATE INDEX "Appeal_officerId_idx" ON "Appeal"("officerId");


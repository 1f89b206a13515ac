-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "remindedAt" DATETIME,
    "nextEscalationAt" DATETIME,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "fullSince" DATETIME,
    "lookedAt" DATETIME,
    "nextLookAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PaymentObligation" ("amountFen", "confirmedFen", "countyId", "createdAt", "cycleId", "decisionId", "dueOn", "id", "kind", "payeeId", "payeeType", "settledAt", "status", "updatedAt") SELECT "amountFen", "confirmedFen", "countyId", "createdAt", "cycleId", "decisionId", "dueOn", "id", "kind", "payeeId", "payeeType", "settledAt", "status", "updatedAt" FROM "PaymentObligation";
DROP TABLE "PaymentObligation";
ALTER TABLE "new_PaymentObligation" RENAME TO "PaymentObligation";
CREATE INDEX "PaymentObligation_cycleId_idx" ON "PaymentObligation"("cycleId");
CREATE INDEX "PaymentObligation_cycleId_nextLookAt_idx" ON "PaymentObligation"("cycleId", "nextLookAt");
CREATE INDEX "PaymentObligation_payeeId_idx" ON "PaymentObligation"("payeeId");
CREATE INDEX "PaymentObligation_countyId_idx" ON "PaymentObligation"("countyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


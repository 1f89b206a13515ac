-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "complexity" INTEGER NOT NULL,
    "area" TEXT NOT NULL DEFAULT 'urban',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Posting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "officerId" TEXT NOT NULL,
    "communityId" TEXT,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "reason" TEXT NOT NULL,
    "decisionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Posting_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Posting_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Leader" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Binding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Binding_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MetricSubmission_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ruleSetVersionId" INTEGER,
    "gaps" JSONB,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Evaluation" (
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
    CONSTRAINT "Evaluation_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Decision" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PaymentObligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "cycleId" TEXT,
    "about" TEXT,
    "rule" TEXT,
    "titleZh" TEXT NOT NULL,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NoticeRecipient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "noticeId" TEXT NOT NULL,
    "recipientType" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "NoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RuleSetVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ObligationPayment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "obligationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidOn" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "reportedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PaymentDispute" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "obligationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "raisedBy" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HonourRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "decisionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "communityId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "honour" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "PresenceMonth" (
    "leaderId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "communityId" TEXT,
    "days" INTEGER NOT NULL,
    "required" INTEGER NOT NULL,
    "compliant" BOOLEAN NOT NULL,
    "countedDays" JSONB NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("leaderId", "month")
);

-- CreateTable
CREATE TABLE "Diversion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stationId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateIndex
CREATE INDEX "Posting_officerId_idx" ON "Posting"("officerId");

-- CreateIndex
CREATE UNIQUE INDEX "Posting_officerId_startsOn_kind_key" ON "Posting"("officerId", "startsOn", "kind");

-- CreateIndex
CREATE INDEX "Binding_subjectType_subjectId_idx" ON "Binding"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Binding_communityId_subjectType_subjectId_effectiveFrom_key" ON "Binding"("communityId", "subjectType", "subjectId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "MetricSubmission_period_idx" ON "MetricSubmission"("period");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSubmission_period_communityId_metric_key" ON "MetricSubmission"("period", "communityId", "metric");

-- CreateIndex
CREATE INDEX "Evaluation_period_idx" ON "Evaluation"("period");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_cycleId_communityId_key" ON "Evaluation"("cycleId", "communityId");

-- CreateIndex
CREATE INDEX "Decision_cycleId_idx" ON "Decision"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_cycleId_subjectId_kind_key" ON "Decision"("cycleId", "subjectId", "kind");

-- CreateIndex
CREATE INDEX "PaymentObligation_cycleId_idx" ON "PaymentObligation"("cycleId");

-- CreateIndex
CREATE INDEX "PaymentObligation_payeeId_idx" ON "PaymentObligation"("payeeId");

-- CreateIndex
CREATE INDEX "Notice_kind_idx" ON "Notice"("kind");

-- CreateIndex
CREATE INDEX "NoticeRecipient_recipientType_recipientId_idx" ON "NoticeRecipient"("recipientType", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeRecipient_noticeId_recipientType_recipientId_key" ON "NoticeRecipient"("noticeId", "recipientType", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiUser_tokenHash_key" ON "ApiUser"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ObligationPayment_reference_key" ON "ObligationPayment"("reference");

-- CreateIndex
CREATE INDEX "ObligationPayment_obligationId_idx" ON "ObligationPayment"("obligationId");

-- CreateIndex
CREATE INDEX "PaymentDispute_obligationId_idx" ON "PaymentDispute"("obligationId");

-- CreateIndex
CREATE INDEX "HonourRecord_decisionId_idx" ON "HonourRecord"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "HonourRecord_year_officerId_honour_key" ON "HonourRecord"("year", "officerId", "honour");

-- CreateIndex
CREATE INDEX "Visit_leaderId_date_idx" ON "Visit"("leaderId", "date");

-- CreateIndex
CREATE INDEX "Diversion_communityId_date_idx" ON "Diversion"("communityId", "date");

-- CreateIndex
CREATE INDEX "Incident_occurredOn_idx" ON "Incident"("occurredOn");

-- CreateIndex
CREATE INDEX "Incident_solvedOn_idx" ON "Incident"("solvedOn");


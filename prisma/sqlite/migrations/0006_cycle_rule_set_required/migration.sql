-- A cycle that failed before it was opened was stored without a rule-set version. It takes the
-- version in force at the end of its period, the one it would be opened under: the latest whose
-- effectiveFrom falls on or before the last day of the period's last month ('2026-03'; '2026-Q1'
-- ends in 2026-03, '2026-H2' and the year-end cycle '2026' in 2026-12). The service stores the
-- shipped default (in force from 1970-01-01) before any cycle runs; a database without any
-- version gets 1, the id that default takes when it is first stored. Reopening the cycle takes
-- the version in force afresh.
UPDATE "Cycle" SET "ruleSetVersionId" = COALESCE((
  SELECT v."id" FROM "RuleSetVersion" v
  WHERE substr(v."effectiveFrom", 1, 7) <= CASE
    WHEN length("Cycle"."period") = 4 THEN "Cycle"."period" || '-12'
    WHEN substr("Cycle"."period", 6, 1) = 'Q' THEN substr("Cycle"."period", 1, 5) || CASE substr("Cycle"."period", 7, 1) WHEN '1' THEN '03' WHEN '2' THEN '06' WHEN '3' THEN '09' ELSE '12' END
    WHEN substr("Cycle"."period", 6, 1) = 'H' THEN substr("Cycle"."period", 1, 5) || CASE substr("Cycle"."period", 7, 1) WHEN '1' THEN '06' ELSE '12' END
    ELSE "Cycle"."period"
  END
  ORDER BY v."effectiveFrom" DESC, v."id" DESC
  LIMIT 1
), 1)
WHERE "ruleSetVersionId" IS NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
INSERT INTO "new_Cycle" ("completedAt", "failedAt", "failureFix", "failureReason", "failureType", "gaps", "id", "kind", "period", "ruleSetVersionId", "startedAt", "status") SELECT "completedAt", "failedAt", "failureFix", "failureReason", "failureType", "gaps", "id", "kind", "period", "ruleSetVersionId", "startedAt", "status" FROM "Cycle";
DROP TABLE "Cycle";
ALTER TABLE "new_Cycle" RENAME TO "Cycle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


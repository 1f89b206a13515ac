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

-- AlterTable
ALTER TABLE "Cycle" ALTER COLUMN "ruleSetVersionId" SET NOT NULL;


-- AlterTable
ALTER TABLE "Officer" ADD COLUMN "email" TEXT;

-- AlterTable
ALTER TABLE "Leader" ADD COLUMN "email" TEXT;

-- AlterTable
ALTER TABLE "Department" ADD COLUMN "email" TEXT;


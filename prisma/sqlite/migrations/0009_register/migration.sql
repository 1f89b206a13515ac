-- AlterTable
ALTER TABLE "MetricSubmission" ADD COLUMN "derivation" JSONB;

-- CreateTable
CREATE TABLE "RegisterBuilding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RegisterDoor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HouseholdCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "doorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RegisterPerson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberTail" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonResidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "endReason" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TemporaryPermit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "registeredOn" TEXT NOT NULL,
    "permitNumber" TEXT,
    "expiresOn" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RentedHome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "doorId" TEXT NOT NULL,
    "landlord" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RentalInspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rentedHomeId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "inspectedOn" TEXT NOT NULL,
    "inspectedBy" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "KeyPersonListing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "listedOn" TEXT NOT NULL,
    "delistedOn" TEXT,
    "delistReason" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HelpGroupMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "listingId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officerId" TEXT,
    "phone" TEXT,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "KeyPersonTalk" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "listingId" TEXT NOT NULL,
    "talkedOn" TEXT NOT NULL,
    "byRole" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RegisterImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "RegisterBuilding_countyId_idx" ON "RegisterBuilding"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterBuilding_communityId_number_key" ON "RegisterBuilding"("communityId", "number");

-- CreateIndex
CREATE INDEX "RegisterDoor_communityId_idx" ON "RegisterDoor"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterDoor_buildingId_number_key" ON "RegisterDoor"("buildingId", "number");

-- CreateIndex
CREATE INDEX "HouseholdCard_countyId_idx" ON "HouseholdCard"("countyId");

-- CreateIndex
CREATE INDEX "HouseholdCard_doorId_idx" ON "HouseholdCard"("doorId");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdCard_communityId_number_key" ON "HouseholdCard"("communityId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterPerson_countyId_idNumberHash_key" ON "RegisterPerson"("countyId", "idNumberHash");

-- CreateIndex
CREATE INDEX "PersonResidence_communityId_untilDate_idx" ON "PersonResidence"("communityId", "untilDate");

-- CreateIndex
CREATE INDEX "PersonResidence_cardId_idx" ON "PersonResidence"("cardId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonResidence_personId_fromDate_key" ON "PersonResidence"("personId", "fromDate");

-- CreateIndex
CREATE INDEX "TemporaryPermit_communityId_expiresOn_idx" ON "TemporaryPermit"("communityId", "expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "TemporaryPermit_personId_registeredOn_key" ON "TemporaryPermit"("personId", "registeredOn");

-- CreateIndex
CREATE INDEX "RentedHome_communityId_idx" ON "RentedHome"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "RentedHome_doorId_fromDate_key" ON "RentedHome"("doorId", "fromDate");

-- CreateIndex
CREATE INDEX "RentalInspection_communityId_idx" ON "RentalInspection"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "RentalInspection_rentedHomeId_inspectedOn_key" ON "RentalInspection"("rentedHomeId", "inspectedOn");

-- CreateIndex
CREATE INDEX "KeyPersonListing_communityId_delistedOn_idx" ON "KeyPersonListing"("communityId", "delistedOn");

-- CreateIndex
CREATE UNIQUE INDEX "KeyPersonListing_personId_listedOn_key" ON "KeyPersonListing"("personId", "listedOn");

-- CreateIndex
CREATE INDEX "HelpGroupMember_listingId_idx" ON "HelpGroupMember"("listingId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpGroupMember_listingId_role_fromDate_key" ON "HelpGroupMember"("listingId", "role", "fromDate");

-- CreateIndex
CREATE INDEX "KeyPersonTalk_listingId_talkedOn_idx" ON "KeyPersonTalk"("listingId", "talkedOn");

-- CreateIndex
CREATE UNIQUE INDEX "KeyPersonTalk_listingId_talkedOn_byRole_key" ON "KeyPersonTalk"("listingId", "talkedOn", "byRole");

-- CreateIndex
CREATE INDEX "RegisterImport_countyId_idx" ON "RegisterImport"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterImport_communityId_contentHash_mode_key" ON "RegisterImport"("communityId", "contentHash", "mode");


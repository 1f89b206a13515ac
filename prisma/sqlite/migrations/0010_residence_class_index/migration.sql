-- CreateIndex
CREATE INDEX "PersonResidence_communityId_class_fromDate_untilDate_personId_idx" ON "PersonResidence"("communityId", "class", "fromDate", "untilDate", "personId");


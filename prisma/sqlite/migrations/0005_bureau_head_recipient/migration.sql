-- Overdue-payment and payment-dispute notices were addressed to bureau:bureau while every other
-- bureau notice and the inbox use bureau:head: readdress the stored ones to the one bureau-head id,
-- keeping their acknowledgements (a notice addressed to both keeps its bureau:head row only).
DELETE FROM "NoticeRecipient"
WHERE "recipientType" = 'bureau' AND "recipientId" = 'bureau'
  AND EXISTS (SELECT 1 FROM "NoticeRecipient" AS "head"
              WHERE "head"."noticeId" = "NoticeRecipient"."noticeId" AND "head"."recipientType" = 'bureau' AND "head"."recipientId" = 'head');

UPDATE "NoticeRecipient" SET "recipientId" = 'head'
WHERE "recipientType" = 'bureau' AND "recipientId" = 'bureau';

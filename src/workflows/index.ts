export { quarterlyEvaluation } from './quarterlyEvaluation.js';
export { scheduledQuarterlyCycle } from './scheduledCycle.js';
export { jointNoticeAcknowledgement } from './jointNoticeAcknowledgement.js';
export { noticeDelivery } from './noticeDelivery.js';

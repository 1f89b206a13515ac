// Email channel over SMTP. A notice goes to each recipient the registry has an address for,
// with the bureau's notice mailbox (MAIL_TO) copied: it sees every notice, and stands in for
// the recipients without an address, who are named in the text.
import nodemailer from 'nodemailer';
import type { DeliveryChannel } from './channels.js';
import { noticeIdHeader } from './webhook.js';

export function createEmailChannel({ smtpUrl, from, to }: { smtpUrl: string; from: string; to: string }): DeliveryChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'email',
    async deliver(notice) {
      const addressed = [...new Set(notice.recipients.flatMap((r) => (r.email ? [r.email] : [])))];
      const named = notice.recipients.map((r) => `${r.type}:${r.id}${r.email ? ` <${r.email}>` : ''}`).join(', ');
      await transport.sendMail({
        from,
        ...(addressed.length ? { to: addressed, cc: to } : { to }),
        subject: notice.titleZh,
        headers: { [noticeIdHeader]: notice.id },
        text: `${notice.bodyZh}\n\n${notice.bodyEn}\n\n收件人 / To: ${named}\n编号 / Notice: ${notice.id}\n`,
      });
    },
  };
}

// Email channel over SMTP. People carry no addresses in the registry yet, so every notice goes
// to the bureau's notice mailbox with its recipients named in the text.
import nodemailer from 'nodemailer';
import type { DeliveryChannel } from './channels.js';
import { noticeIdHeader } from './webhook.js';

export function createEmailChannel({ smtpUrl, from, to }: { smtpUrl: string; from: string; to: string }): DeliveryChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'email',
    async deliver(notice) {
      const to_ = notice.recipients.map((r) => `${r.type}:${r.id}`).join(', ');
      await transport.sendMail({
        from,
        to,
        subject: notice.titleZh,
        headers: { [noticeIdHeader]: notice.id },
        text: `${notice.bodyZh}\n\n${notice.bodyEn}\n\n收件人 / To: ${to_}\n编号 / Notice: ${notice.id}\n`,
      });
    },
  };
}

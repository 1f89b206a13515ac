// Real local receivers for delivery tests: an HTTP webhook endpoint and an SMTP sink.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { channelsOf } from '../../src/notices/configuredChannels.js';

export interface WebhookCall {
  noticeId: string;
  signature: string;
  body: string;
}

/**
 * Answers `failFirst` requests with `failStatus`, then 200; with `loseFirstAnswer` it takes the
 * first notice and drops the connection instead of answering. It de-duplicates by notice id as a
 * receiver should.
 */
export async function webhookReceiver({ failFirst = 0, failStatus = 503, loseFirstAnswer = false } = {}) {
  const calls: WebhookCall[] = [];
  const accepted = new Map<string, unknown>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      calls.push({ noticeId: String(req.headers['x-notice-id']), signature: String(req.headers['x-signature-256']), body });
      if (calls.length <= failFirst) return void res.writeHead(failStatus).end();
      const id = String(req.headers['x-notice-id']);
      if (!accepted.has(id)) accepted.set(id, JSON.parse(body));
      if (loseFirstAnswer && calls.length === 1) return void req.socket.destroy();
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/notices`, calls, accepted, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * A webhook receiver configured as the one channel beyond the inbox: the workflows start a
 * delivery for a notice only when such a channel is configured (src/workflows/deliveries.ts).
 * Pass `channels` to createActivities; close the receiver after the test.
 */
export async function webhookChannel() {
  const receiver = await webhookReceiver();
  return { receiver, channels: channelsOf({ webhook: { url: receiver.url, secret: 'webhook-secret-0123456789' } }) };
}

export interface Mail {
  from: string;
  to: string[];
  data: string;
  text: string;
}

/** The body of a quoted-printable mail as the reader sees it. */
function bodyText(data: string): string {
  const body = data.slice(data.search(/\r?\n\r?\n/)).replace(/=\r?\n/g, '');
  return Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  )
    .toString('utf8')
    .trim();
}

export async function smtpSink() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
          text: bodyText(data),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

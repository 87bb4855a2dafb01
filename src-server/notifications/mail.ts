/** E-mail over SMTP with nodemailer. Without a configured SMTP server, mail is dropped with a log line. */
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** Every subject leaves with the portal's signature in front, as its SMS do. */
export function signedMailer(mailer: Mailer, sign: string): Mailer {
  return { send: (message) => mailer.send({ ...message, subject: `${sign}${message.subject}` }), close: () => mailer.close() };
}

export function smtpMailer(opts: { url: string; from: string }): Mailer {
  const transport: Transporter = nodemailer.createTransport(opts.url);
  return {
    async send(message) {
      await transport.sendMail({ from: opts.from, ...message });
    },
    close: () => transport.close(),
  };
}

export function droppingMailer(log: (msg: string) => void): Mailer {
  return {
    async send() {
      log('no SMTP server configured (TONGBAN_SMTP_URL): e-mail not sent');
    },
    close() {},
  };
}

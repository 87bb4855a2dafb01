/** E-mail over SMTP with nodemailer. Without a configured SMTP server, mail is dropped with a log line. */
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
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

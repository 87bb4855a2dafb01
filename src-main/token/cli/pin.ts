/**
 * Where the CLI gets the PIN: TONGBAN_PIN (scripts), else a hidden prompt on a terminal, else one line of standard
 * input (pipes). It is passed to the token service once and never printed, logged or kept.
 */
import { createInterface } from 'node:readline';

export async function readPin(opts: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream; prompt: string }): Promise<string> {
  const fromEnv = opts.env.TONGBAN_PIN;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (opts.stdin.isTTY) return hiddenPrompt(opts.stdin, opts.stderr, opts.prompt);
  return firstLine(opts.stdin);
}

function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line.replace(/\r$/, ''));
    });
    rl.once('close', () => !done && resolve(''));
  });
}

function hiddenPrompt(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let pin = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(pin);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new Error('USER_CANCELLED'));
        if (ch === '\u007f' || ch === '\b') pin = pin.slice(0, -1);
        else if (ch >= ' ') pin += ch;
      }
    };
    stdin.on('data', onData);
  });
}

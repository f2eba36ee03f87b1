// `npm start` in a terminal that went away: with its stdout and stderr closed, SIGTERM still stops the local server
// within 10 s, and DynamoDB Local with it (api.md, "The local server"). Runs the real command, on free ports.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamo.ts';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the local server', () => {
  it('exits on SIGTERM within 10 s with its output closed, and frees the DynamoDB Local port', async () => {
    const [port, dynamoPort] = [await freePort(), await freePort()];
    const dir = mkdtempSync(join(tmpdir(), 'wastechain-sigterm-'));
    const { DYNAMODB_ENDPOINT: _test, TABLE_NAME: _table, ...env } = process.env;
    const child = spawn(TSX, ['local/start.ts'], {
      env: {
        ...env,
        IN_MEMORY: '1',
        NO_DEMO: '1',
        PORT: String(port),
        DYNAMODB_PORT: String(dynamoPort),
        KEYS_DIR: join(dir, 'keys'),
        DATA_DIR: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a failing test can still clean up everything it started.
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in 120 s: ${output}`)), 120_000);
        const onData = (d: Buffer) => {
          output += d.toString();
          if (!output.includes('WasteChain API on')) return;
          clearTimeout(timer);
          resolve();
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', () => reject(new Error(`exited at start: ${output}`)));
      });
      expect(await accepts(dynamoPort)).toBe(true);

      // The terminal goes away: nothing reads the server's output any more.
      child.stdout!.destroy();
      child.stderr!.destroy();
      // It keeps serving (and logging into the void) until told to stop.
      expect((await fetch(`http://127.0.0.1:${port}/v1/health`)).status).toBe(200);

      const sent = Date.now();
      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000)),
      ]);
      const tookMs = Date.now() - sent;
      console.log(`local server stopped ${tookMs} ms after SIGTERM`);
      expect(code).not.toBe('still running');
      expect(await accepts(dynamoPort)).toBe(false);
      expect(await accepts(port)).toBe(false);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

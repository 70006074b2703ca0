// Archive generation killed mid-way (SIGKILL, as on a power cut) and the server started again on the same data
// folder: the jobs continue where they stopped and end with every school's materials exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-e2e-restart-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Status {
  scheduled: number;
  generated: number;
}

async function signIn(url: string): Promise<{ cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'Demo-Fed-2026' }),
  });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

async function statuses(url: string, cookie: string): Promise<Status[]> {
  const get = async (p: string) => (await fetch(`${url}${p}`, { headers: { cookie } })).json();
  const { campaigns } = await get('/api/campaigns');
  const detail = await get(`/api/campaigns/${campaigns[0].id}`);
  return Promise.all(
    detail.subjects.map((s: { id: string }) => get(`/api/campaigns/${campaigns[0].id}/subjects/${s.id}/materials`)),
  );
}

const sum = (list: Status[]) => list.reduce((n, s) => n + s.generated, 0);

describe('materials generation across a crash', () => {
  it('continues after SIGKILL and a restart, without a duplicate or a half-written archive', async () => {
    // the first start seeds the demo campaign and queues its generation jobs
    server = await startServer({ DATA_DIR: dataDir });
    let { cookie } = await signIn(server.url);
    let before = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      before = sum(await statuses(server.url, cookie));
      if (before >= 20) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const total = (await statuses(server.url, cookie)).reduce((n, s) => n + s.scheduled, 0);
    expect(before).toBeGreaterThanOrEqual(20);
    expect(before).toBeLessThan(total);
    await server.kill();

    // the same data folder: the jobs' leases run out (60 s) and the new process takes them over
    server = await startServer({ DATA_DIR: dataDir });
    ({ cookie } = await signIn(server.url));
    const afterRestart = sum(await statuses(server.url, cookie));
    expect(afterRestart).toBeGreaterThanOrEqual(before);
    const end = Date.now() + 240_000;
    let list = await statuses(server.url, cookie);
    while (sum(list) < total && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 1000));
      list = await statuses(server.url, cookie);
    }
    for (const s of list) expect(s.generated).toBe(s.scheduled);

    // every blob on disk is whole: its bytes hash to its name (a write cut by the kill stays a temp file, never a blob)
    const { createHash } = await import('node:crypto');
    const blobs: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else blobs.push(p);
      }
    };
    walk(path.join(dataDir, 'blobs'));
    const stored = blobs.filter((p) => /^[0-9a-f]{64}$/.test(path.basename(p)));
    expect(stored.length).toBeGreaterThan(total * 2);
    for (const p of stored) {
      expect(createHash('sha256').update(fs.readFileSync(p)).digest('hex')).toBe(path.basename(p));
    }
  }, 420_000);
});

// `npm test`: typecheck, lint, unit tests, integration tests over HTTP on PGlite and on PostgreSQL,
// then browser tests in Chromium. Under CI=true the PostgreSQL run is mandatory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL;
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, cmd, args, env = {}, beforeExit = () => {}) {
  console.log(`\n━━ ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  beforeExit();
  if (res.status !== 0) {
    console.error(`\n✗ ${title}: завершено с кодом ${res.status}`);
    summary();
    process.exit(res.status ?? 1);
  }
}

function vitest(title, project, env = {}) {
  const out = path.join(reports, `${title.replace(/\W+/g, '-')}.json`);
  run(
    title,
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    env,
    // counted before a failing run stops the script, so the summary line tells the truth
    () => {
      if (!fs.existsSync(out)) return;
      const r = JSON.parse(fs.readFileSync(out, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + r.numTodoTests;
    },
  );
}

function summary() {
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

if (ci && !pgUrl) {
  console.error('CI=true: задайте TEST_DATABASE_URL — прогон на PostgreSQL обязателен');
  process.exit(1);
}

const npx = (bin) => path.join(root, 'node_modules/.bin', bin);
run('Проверка типов', 'npm', ['run', '--silent', 'typecheck']);
run('Линтер', npx('eslint'), ['.', '--max-warnings=0']);
run('Форматирование', npx('prettier'), ['--check', '.', '--log-level', 'warn']);
vitest('Модульные тесты', 'unit');
vitest('Интеграционные тесты (PGlite)', 'integration', { TEST_DATABASE_URL: '' });
if (pgUrl) vitest('Интеграционные тесты (PostgreSQL)', 'integration', { TEST_DATABASE_URL: pgUrl });
else console.log('\nTEST_DATABASE_URL не задан: прогон на PostgreSQL пропущен (в CI он обязателен)');
run('Сборка', process.execPath, [path.join(root, 'scripts/build.mjs')]);
vitest('Браузерные тесты (Chromium)', 'e2e');
summary();

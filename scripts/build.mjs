// Builds what is missing or stale: the server bundle (esbuild) and the web cabinet (Vite).
// `npm start` calls it, so a fresh clone needs no separate build step.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverOnly = process.argv.includes('--server-only');
const force = process.argv.includes('--force');

function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (p.endsWith('node_modules') || p.endsWith('dist')) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return newest;
}

function stale(output, sources) {
  const st = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
  return force || !st || st.mtimeMs < newestMtime(sources);
}

const sharedSrc = path.join(root, 'packages/shared/src/index.ts');
const sharedAlias = {
  name: 'oko-shared',
  setup(b) {
    b.onResolve({ filter: /^@oko\/shared$/ }, () => ({ path: sharedSrc }));
  },
};

if (stale('apps/server/dist/main.js', ['apps/server/src', 'packages/shared/src', 'apps/server/package.json'])) {
  const t = Date.now();
  await build({
    entryPoints: {
      main: path.join(root, 'apps/server/src/main.ts'),
      migrate: path.join(root, 'apps/server/src/migrate-cli.ts'),
    },
    outdir: path.join(root, 'apps/server/dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    packages: 'external',
    plugins: [sharedAlias],
    logLevel: 'warning',
  });
  console.log(`сервер собран за ${Date.now() - t} мс`);
}

if (
  !serverOnly &&
  stale('apps/web/dist/index.html', [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'packages/shared/src',
  ])
) {
  const t = Date.now();
  const res = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    },
  );
  if (res.status !== 0) process.exit(res.status ?? 1);
  console.log(`личный кабинет собран за ${Date.now() - t} мс`);
}

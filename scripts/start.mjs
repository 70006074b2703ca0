// `npm start`: build what is missing, then run the server in this process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const res = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (res.status !== 0) process.exit(res.status ?? 1);
await import(pathToFileURL(path.join(root, 'apps/server/dist/main.js')).href);

#!/usr/bin/env node
// `npm start` on one machine: the API (with the web app) and the reminder worker side by side, as
// docker compose runs them. Without the worker, reminders (scheduled and one-off) are accepted but
// never sent, which a newcomer cannot tell from the screens. Ctrl-C or SIGTERM stops both (each
// shuts down gracefully); if one of them stops on its own, the other is stopped too and the exit
// code is the first one's. `npm run start:api` and `npm run start:worker` start one of them.
const { spawn } = require('node:child_process');

// V8's own young generation (Node 26: 2 × 32 MB). It was held at 2 × 4 MB on Node 20 for resident
// memory; on Node 26 the API gives it back after catching up (compact-heap.ts), and under load the
// large one spares the promotions that cost a fifth of the event loop at 64 clients (README, Performance).
const PROGRAMS = {
  api: ['--expose-gc', 'dist/apps/api/apps/api/src/main.js'],
  worker: ['--expose-gc', 'dist/apps/worker/apps/worker/src/main.js'],
};

const children = Object.entries(PROGRAMS).map(([name, args]) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  child.once('exit', (code, signal) => stopAll(name, code ?? (signal ? 1 : 0)));
  return child;
});

let exitCode;
function stopAll(name, code) {
  if (exitCode === undefined) {
    exitCode = code;
    if (code !== 0) console.error(`npm start: the ${name} stopped (exit ${code}); stopping the others`);
  }
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll('service', 0));

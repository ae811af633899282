#!/usr/bin/env node
// Runs before `npm test` (npm's pretest hook), so the README's test command works on a fresh machine:
// - the PDF font needs nothing here: BIZ UDPGothic comes with `npm install` (@expo-google-fonts/biz-udpgothic);
// - the browser tests (tests/web) drive Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH overrides):
//   installed here with apt-get when missing and this user may (root); otherwise the exact command is
//   printed and the run stops;
// - the PDF report test rasterises pages with pdftoppm (Debian's poppler-utils), installed the same way;
// - the reminder tests need Redis at 127.0.0.1:6379: checked, with a clear message when it is absent.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { connect } = require('node:net');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Installs a Debian package when `path` is missing and we are root with apt-get; else names the command. */
function ensureDebianPackage(path, pkg, what, hint) {
  if (existsSync(path)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    fail(`${what} is missing (${path}); install it with: sudo apt-get install -y ${pkg}`);
  }
  console.log(`installing ${pkg} (${what})…`);
  const apt = (...args) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt('install', '-y', '--no-install-recommends', pkg);
  } catch {
    apt('update');
    apt('install', '-y', '--no-install-recommends', pkg);
  }
  if (!existsSync(path)) fail(`${pkg} is installed but ${path} is not there; ${hint}`);
}

function ensureChromium() {
  ensureDebianPackage(CHROMIUM, 'chromium', 'the browser of the web tests', 'set CHROMIUM_PATH');
}

/** The PDF report test rasterises every page with pdftoppm, as a reviewer would look at them. */
function ensurePdftoppm() {
  ensureDebianPackage(
    '/usr/bin/pdftoppm',
    'poppler-utils',
    'the PDF rasteriser of the report tests',
    'check that poppler-utils installs /usr/bin/pdftoppm',
  );
}

function checkRedis() {
  return new Promise((resolve) => {
    const socket = connect(6379, '127.0.0.1');
    const done = (ok) => {
      socket.destroy();
      if (!ok)
        fail(
          'Redis is not answering at 127.0.0.1:6379; start one, e.g. redis-server --daemonize yes --save "" --appendonly no',
        );
      resolve();
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function fail(message) {
  console.error(`npm test: ${message}`);
  process.exit(1);
}

ensureChromium();
ensurePdftoppm();
checkRedis();

import { createServer } from 'node:net';

/** Ports for children are taken below Linux's ephemeral range (32768–60999), each checked free first. */
const CHILD_PORTS = { from: 20_000, to: 32_000 };

/**
 * A free port for a child process to listen on. Not one found by listening on port 0: that port is in
 * the ephemeral range, where the kernel may hand it to another process's listen(0) or outgoing
 * connection before the child binds it; a CI rehearsal's restarted API was then answered by another
 * test's API on "its" port (a 401 for a user that API did not know).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = CHILD_PORTS.from + Math.floor(Math.random() * (CHILD_PORTS.to - CHILD_PORTS.from));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port from ${CHILD_PORTS.from} to ${CHILD_PORTS.to}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

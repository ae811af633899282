/**
 * The Node-API version the SQLite driver's shipped binary is built for (better-sqlite3 13: NAPI_VERSION
 * 10, Node ≥ 22). On an older Node it does not fail with an error: the process dies of a segmentation
 * fault as it opens the store, with nothing said (Node 20, which this machine has as `node`).
 */
const REQUIRED_NODE_API = 10;

/** Why this Node cannot run the service, in Japanese and English; undefined when it can. */
export function unsupportedRuntime(versions: { node: string; napi?: string }): string | undefined {
  if (Number(versions.napi ?? 0) >= REQUIRED_NODE_API) return undefined;
  return [
    `この Node.js（v${versions.node}）ではサービスを起動できません。Node.js 26 で動かしてください。`,
    '`npm start`・`npm run start:api`・`npm run start:worker`・`npm run cli` は npm install で入った Node 26 を使います。',
    `This Node.js (v${versions.node}) cannot run the service: it needs Node.js 26 (Node-API ${REQUIRED_NODE_API}).`,
    'Start it through npm (npm start, npm run start:api, npm run start:worker, npm run cli), which uses the Node 26 that npm install brought.',
  ].join('\n');
}

import type { HeadersObject } from '@nestjs/swagger';
import type { PublicationVerification } from '@pdca/reporting';

export const VERIFICATION_HEADER = 'PDCA-Verification';

/**
 * The OpenAPI form, for a 200 that may carry them only in some cases (`when`: one 200 covers every
 * ?format= of the report routes) or always (the open-data files: `required`).
 */
export function verificationHeadersDoc(when: { ja: string; en: string }, required = false): HeadersObject {
  return {
    Link: {
      required,
      description: `${when.ja}: この版のオープンデータ JSON（verification を含む）/ ${when.en}: the version's open-data JSON, whose \`verification\` field holds the same facts`,
      schema: {
        type: 'string',
        example:
          '<https://pdca.city.example.jp/public/wards/nerima/reports/2021/versions/1?format=json>; rel="describedby"; type="application/json"',
      },
    },
    [VERIFICATION_HEADER]: {
      required,
      description: `${when.ja}: 版の指紋と、それを含む最初の署名済みチェックポイント（ASCII。署名鍵がなければ指紋のみ）/ ${when.en}: the version's fingerprint and the first signed checkpoint covering it (size, root, key id, time); the fingerprint alone without a signing key`,
      schema: {
        type: 'string',
        example: `fingerprint=sha256:${'0'.repeat(64)}; checkpoint=1234; root=${'A'.repeat(43)}=; key=0a1b2c3d; time=2026-12-06T22:00:00.000Z`,
      },
    },
  };
}

export const CSV_VERIFICATION_HEADERS = verificationHeadersDoc({ ja: 'CSV のみ', en: 'CSV only' });

/**
 * What a published CSV answers instead of the printed verification line (issue 13): the CSV stays a
 * plain table (issue 14), so the facts travel on the response. `Link` names the version's open-data
 * JSON, not the listing the printed line names: it is pinned to this version (the listing and the
 * latest route move on after a correction) and holds the same `verification` with the whole root, so a
 * reader who saved only the file and its headers can fetch what to check it against.
 */
export function csvVerificationHeaders(
  verification: PublicationVerification,
  versionJsonAddress: string,
): Record<string, string> {
  const facts = [`fingerprint=${verification.fingerprint}`];
  const checkpoint = verification.checkpoint;
  if (checkpoint) {
    facts.push(
      `checkpoint=${checkpoint.treeSize}`,
      `root=${checkpoint.rootHash}`,
      `key=${checkpoint.keyId}`,
      `time=${checkpoint.time}`,
    );
  }
  // new URL percent-encodes a non-ASCII path and punycodes the host of PUBLIC_BASE_URL.
  const headers = {
    Link: `<${new URL(versionJsonAddress).href}>; rel="describedby"; type="application/json"`,
    [VERIFICATION_HEADER]: facts.join('; '),
  };
  // Header values are Latin-1 on the wire: anything else would arrive garbled, so it is a bug, not a reply.
  for (const [name, value] of Object.entries(headers))
    if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`${name} is not printable ASCII: ${value}`);
  return headers;
}

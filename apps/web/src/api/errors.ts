import type { Language } from '../i18n/language';

/** The API's one error shape: {statusCode, code, message:{ja,en}, field?, details?}. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: { ja: string; en: string };
  field?: string;
  details?: Record<string, unknown> & { errors?: Array<{ field: string; messageJa: string; messageEn: string }> };
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody, readonly etag?: string) {
    super(body.message.en);
  }
  get status() {
    return this.body.statusCode;
  }
  get code() {
    return this.body.code;
  }
  text(language: Language): string {
    return this.body.message[language] ?? this.body.message.ja;
  }
  /** Every field the server named, with its message; validation failures name several. */
  fieldErrors(language: Language): Record<string, string> {
    const out: Record<string, string> = {};
    for (const problem of this.body.details?.errors ?? []) {
      out[problem.field] ??= language === 'ja' ? problem.messageJa : problem.messageEn;
    }
    if (this.body.field && !out[this.body.field]) out[this.body.field] = this.text(language);
    return out;
  }
}

/** The network itself failed (offline, server down): nothing was acknowledged, a retry is safe. */
export function networkError(): ApiError {
  return new ApiError({
    statusCode: 0,
    code: 'NETWORK',
    message: {
      ja: 'サーバーに接続できませんでした。入力内容はそのままです。通信を確認して、もう一度お試しください。',
      en: 'Could not reach the server. What you typed is kept; check the connection and try again.',
    },
  });
}

export async function errorFrom(response: Response): Promise<ApiError> {
  const etag = response.headers.get('ETag') ?? undefined;
  try {
    const body = (await response.json()) as ApiErrorBody;
    if (body && typeof body.code === 'string' && body.message) return new ApiError(body, etag);
  } catch {
    /* not our shape: fall through */
  }
  return new ApiError({
    statusCode: response.status,
    code: `HTTP_${response.status}`,
    message: { ja: `サーバーがエラーを返しました（${response.status}）。`, en: `The server answered ${response.status}.` },
  }, etag);
}

import { API_FIELD_LABELS } from '../i18n/api-field-labels';
import type { Language } from '../i18n/language';
import { loadedEnglish } from '../i18n/english';
import { ja } from '../i18n/messages.ja';

/** The API's one error shape: {statusCode, code, message:{ja,en}, field?, details?}. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: { ja: string; en: string };
  field?: string;
  details?: Record<string, unknown> & { errors?: Array<{ field: string; messageJa: string; messageEn: string }> };
}

export class ApiError extends Error {
  constructor(
    readonly body: ApiErrorBody,
    readonly etag?: string,
  ) {
    super(body.message.en);
  }
  get status() {
    return this.body.statusCode;
  }
  get code() {
    return this.body.code;
  }
  text(language: Language): string {
    return withFieldLabels(this.body.message[language] ?? this.body.message.ja, this.namedFields(), language);
  }
  private namedFields(): string[] {
    return [
      ...new Set([
        ...(this.body.details?.errors ?? []).map((problem) => problem.field),
        ...(this.body.field ? [this.body.field] : []),
      ]),
    ];
  }
  /** Every field the server named, with its message; validation failures name several. */
  fieldErrors(language: Language): Record<string, string> {
    const out: Record<string, string> = {};
    for (const problem of this.body.details?.errors ?? []) {
      out[problem.field] ??= withFieldLabels(
        language === 'ja' ? problem.messageJa : problem.messageEn,
        [problem.field],
        language,
      );
    }
    if (this.body.field && !out[this.body.field]) out[this.body.field] = this.text(language);
    return out;
  }
}

/** The form's label of an API field, without its "(optional)" mark; undefined for a field the forms do not show. */
function fieldLabel(field: string, language: Language): string | undefined {
  const key = API_FIELD_LABELS[field];
  if (!key) return undefined;
  // A role's label not loaded (its bundle is not on this page): the field's own name stays.
  return (language === 'ja' ? ja : (loadedEnglish() ?? ja))[key]?.replace(/\s*[（(](任意|optional)[)）]$/, '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "note が長すぎます。" → "「企画課からの連絡」が長すぎます。"; "note: must be shorter…" → "Message from the planning office: must be shorter…". */
export function withFieldLabels(message: string, fields: string[], language: Language): string {
  let text = message;
  for (const field of [...fields].sort((a, b) => b.length - a.length)) {
    const label = fieldLabel(field, language);
    if (!label) continue;
    const name = new RegExp(`(^|[\\s:：、])${escapeRegExp(field)}(?= |:|$)`, 'g');
    text = text.replace(name, (_whole, before: string) => `${before}${language === 'ja' ? `「${label}」` : label}`);
    if (language === 'ja') text = text.replace(/」 (?=[がはをのに])/g, '」');
  }
  return text;
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
  return new ApiError(
    {
      statusCode: response.status,
      code: `HTTP_${response.status}`,
      message: {
        ja: `サーバーがエラーを返しました（${response.status}）。`,
        en: `The server answered ${response.status}.`,
      },
    },
    etag,
  );
}

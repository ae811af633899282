import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from '@pdca/kernel';
import { fieldsWithBidiControls } from './bidi-controls';
import { plainOf } from './plain-body';

/** Japanese for the constraints our DTOs use; the English comes from class-validator itself. */
const JA: Record<string, (field: string, args: string) => string> = {
  whitelistValidation: (f) => `${f} は受け付けない項目です。`,
  isDefined: (f) => `${f} は必須です。`,
  isNotEmpty: (f) => `${f} を入力してください。`,
  isString: (f) => `${f} は文字列で指定してください。`,
  isInt: (f) => `${f} は整数で指定してください。`,
  isBoolean: (f) => `${f} は true / false で指定してください。`,
  isIn: (f) => `${f} の値が許可された選択肢にありません。`,
  isEnum: (f) => `${f} の値が許可された選択肢にありません。`,
  maxLength: (f) => `${f} が長すぎます。`,
  minLength: (f) => `${f} が短すぎます。`,
  arrayMaxSize: (f) => `${f} の件数が多すぎます。`,
  arrayMinSize: (f) => `${f} の件数が足りません。`,
  isArray: (f) => `${f} は配列で指定してください。`,
  isISO8601: (f) => `${f} は日付・日時（ISO 8601）で指定してください。`,
  matches: (f) => `${f} の形式が正しくありません。`,
  min: (f) => `${f} が小さすぎます。`,
  max: (f) => `${f} が大きすぎます。`,
  nestedValidation: (f) => `${f} はオブジェクトで指定してください。`,
  isObject: (f) => `${f} はオブジェクトで指定してください。`,
  unknownValue: (f) => `${f} の形式が正しくありません。`,
};

export interface FieldProblem {
  field: string;
  constraint: string;
  messageJa: string;
  messageEn: string;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, messageEn]) => ({
      field,
      constraint,
      messageEn: `${field}: ${messageEn}`,
      messageJa: (JA[constraint] ?? JA.unknownValue)(field, ''),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Refuses bidirectional control characters in every text field of a JSON body, naming each field. */
class CommandValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = fieldsWithBidiControls(value).map((field) => ({
        field,
        constraint: 'noBidiControls',
        messageJa: `${field} に表示順を変える制御文字（U+202A〜U+202E、U+2066〜U+2069）が含まれています。`,
        messageEn: `${field}: must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)`,
      }));
      if (problems.length > 0) {
        throw invalid(
          'VALIDATION_FAILED',
          `入力内容に誤りがあります: ${problems.map((p) => p.messageJa).join(' ')}`,
          `Invalid input: ${problems.map((p) => p.messageEn).join('; ')}`,
          { field: problems[0].field, errors: problems },
        );
      }
    }
    const plain = (metadata.type === 'body' || metadata.type === 'param') && plainOf(metadata.metatype);
    if (plain && plain.shape(value)) return plain.convert ? plain.convert(value as never) : value;
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted: unknown fields are errors, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new CommandValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      const first = problems[0];
      return invalid(
        'VALIDATION_FAILED',
        `入力内容に誤りがあります: ${problems.map((p) => p.messageJa).join(' ')}`,
        `Invalid input: ${problems.map((p) => p.messageEn).join('; ')}`,
        { field: first?.field, errors: problems },
      );
    },
  });
}

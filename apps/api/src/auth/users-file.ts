import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, ValidateNested, validateSync } from 'class-validator';
import { ALL_ROLES, safeIdPattern } from '@pdca/kernel';
import type { Actor, Role } from '@pdca/kernel';
import { credentialStamp } from './credential-stamp';

export class UserRecord {
  @Matches(/^[a-z0-9._-]{2,64}$/) username!: string;
  @IsString() displayName!: string;
  @IsString() passwordHash!: string;
  @IsIn(ALL_ROLES) role!: Role;
  /** Every user, the operator included, belongs to one ward. */
  @Matches(/^[a-z][a-z0-9_]{1,30}$/) wardId!: string;
  @IsOptional() @Matches(safeIdPattern('a-z0-9_', 40)) sectionId?: string;
}

class UsersFileShape {
  @IsArray() @ValidateNested({ each: true }) @Type(() => UserRecord) users!: UserRecord[];
}

export type DirectoryActor = Readonly<Actor & { displayName: string }>;

/** A user as the API checks them on every request: built once per load of the file. */
export interface DirectoryEntry {
  readonly record: UserRecord;
  readonly actor: DirectoryActor;
  /** See credential-stamp.ts: a new password makes the user's tokens invalid. */
  readonly credentialStamp: string;
}

/** Parses and validates the users file's text; throws with every problem named. */
export function parseUsersFile(text: string, file: string): ReadonlyMap<string, DirectoryEntry> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`USERS_FILE ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = plainToInstance(UsersFileShape, raw);
  const errors = typeof raw === 'object' && raw !== null ? validateSync(parsed) : ['not an object'];
  if (errors.length > 0)
    throw new Error(`USERS_FILE ${file} is invalid: ${JSON.stringify(errors.map((e) => e.toString()))}`);
  const users = new Map<string, DirectoryEntry>();
  for (const record of parsed.users) {
    if (record.role === 'section_staff' && !record.sectionId)
      throw new Error(`USERS_FILE ${file}: section staff ${record.username} needs a sectionId`);
    if (users.has(record.username)) throw new Error(`USERS_FILE ${file}: user ${record.username} is listed twice`);
    const actor: DirectoryActor = Object.freeze({
      userId: record.username,
      role: record.role,
      wardId: record.wardId,
      sectionId: record.sectionId,
      displayName: record.displayName,
    });
    users.set(record.username, { record, actor, credentialStamp: credentialStamp(record.passwordHash) });
  }
  return users;
}

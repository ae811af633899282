import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested, validateSync } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { safeIdPattern } from '@pdca/kernel';
import type { Actor, Role } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import { hashPassword, verifyPassword } from './password-hasher';

const ROLES: Role[] = ['section_staff', 'planning_office', 'council_member', 'auditor'];

export class UserRecord {
  @Matches(/^[a-z0-9._-]{2,64}$/) username!: string;
  @IsString() displayName!: string;
  @IsString() passwordHash!: string;
  @IsIn(ROLES) role!: Role;
  @Matches(/^[a-z][a-z0-9_]{1,30}$/) wardId!: string;
  @IsOptional() @Matches(safeIdPattern('a-z0-9_', 40)) sectionId?: string;
}

class UsersFile {
  @ValidateNested({ each: true }) @Type(() => UserRecord) users!: UserRecord[];
}

/**
 * Users come from a JSON file (development and small installations); only scrypt hashes are
 * stored. Section staff must name their section: ownership checks depend on it.
 */
@Injectable()
export class UserDirectory {
  private readonly logger = new Logger('Users');
  private readonly users = new Map<string, UserRecord>();
  /** A real hash to verify against for unknown users, so response time does not reveal who exists. */
  private readonly decoy = hashPassword('decoy');

  constructor(environment: Environment) {
    const file = environment.USERS_FILE;
    if (!file || !existsSync(file)) {
      this.logger.warn({ msg: 'no users file; nobody can log in', file });
      return;
    }
    const parsed = plainToInstance(UsersFile, JSON.parse(readFileSync(file, 'utf8')));
    const errors = validateSync(parsed);
    if (errors.length > 0) throw new Error(`USERS_FILE ${file} is invalid: ${JSON.stringify(errors.map((e) => e.toString()))}`);
    for (const user of parsed.users) {
      if (user.role === 'section_staff' && !user.sectionId) throw new Error(`USERS_FILE: section staff ${user.username} needs a sectionId`);
      this.users.set(user.username, user);
    }
  }

  async authenticate(username: string, password: string): Promise<(Actor & { displayName: string }) | undefined> {
    const user = this.users.get(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    if (!user || !ok) return undefined;
    return { userId: user.username, role: user.role, wardId: user.wardId, sectionId: user.sectionId, displayName: user.displayName };
  }
}

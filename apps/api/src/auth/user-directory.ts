import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { existsSync, FSWatcher, readFileSync, statSync, watch } from 'node:fs';
import { Environment } from '@pdca/platform';
import { hashPassword, verifyPassword } from './password-hasher';
import { DirectoryActor, DirectoryEntry, parseUsersFile } from './users-file';

/** How often the file's mtime is compared, in case fs.watch misses an event (network drives, some editors, containers). */
export const USERS_FILE_POLL_MS = 1_000;

/**
 * Users come from a JSON file (development and small installations); only scrypt hashes are
 * stored. The file is the truth at every request: it is watched and reloaded when it changes, so
 * a deleted, demoted or moved user is refused at once, not when their token expires. A file that
 * does not parse or validate (also a half-written one) keeps the last good users and is logged;
 * at start an invalid file stops the API instead.
 */
@Injectable()
export class UserDirectory implements OnModuleDestroy {
  private readonly logger = new Logger('Users');
  private users: ReadonlyMap<string, DirectoryEntry> = new Map();
  /** A real hash to verify against for unknown users, so response time does not reveal who exists. */
  private readonly decoy = hashPassword('decoy');
  private watcher?: FSWatcher;
  private poller?: NodeJS.Timeout;
  private loadedVersion?: string;
  private refusedVersion?: string;

  constructor(environment: Environment) {
    const file = environment.USERS_FILE;
    if (!file) {
      this.logger.warn({ msg: 'no USERS_FILE; nobody can log in' });
      return;
    }
    if (existsSync(file)) {
      const version = versionOf(file);
      this.users = parseUsersFile(readFileSync(file, 'utf8'), file);
      this.loadedVersion = version;
    } else {
      this.logger.warn({ msg: 'users file not found; nobody can log in until it appears', file });
    }
    this.follow(file);
  }

  /** The user as the file says now; one Map lookup, called on every request. */
  entry(username: string): DirectoryEntry | undefined {
    return this.users.get(username);
  }

  async authenticate(
    username: string,
    password: string,
  ): Promise<(DirectoryActor & { credentialStamp: string }) | undefined> {
    const entry = this.users.get(username);
    const ok = await verifyPassword(password, entry?.record.passwordHash ?? (await this.decoy));
    if (!entry || !ok) return undefined;
    return { ...entry.actor, credentialStamp: entry.credentialStamp };
  }

  onModuleDestroy(): void {
    this.watcher?.close();
    clearInterval(this.poller);
  }

  private follow(file: string): void {
    this.watchFile(file);
    this.poller = setInterval(() => this.reload(file), USERS_FILE_POLL_MS);
    this.poller.unref();
  }

  /**
   * The file, not its folder: the folder is usually DATA_DIR, where every append to the event store
   * would wake the watcher. Editors and deploy tools replace the file by renaming another over it,
   * which ends a watch on the old one, so a rename re-arms the watch on the new file.
   */
  private watchFile(file: string): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (!existsSync(file)) return; // the poll notices when it appears
    try {
      this.watcher = watch(file, { persistent: false }, (event) => {
        if (event === 'rename') this.watchFile(file);
        this.reload(file);
      });
      this.watcher.on('error', (error) =>
        this.logger.warn({ msg: 'users file watch failed; polling only', error: error.message }),
      );
    } catch (error) {
      this.logger.warn({ msg: 'cannot watch the users file; polling only', file, error: (error as Error).message });
    }
  }

  private reload(file: string): void {
    let version: string;
    try {
      version = versionOf(file);
    } catch {
      return; // gone for a moment (replaced by rename) or removed: keep the users we have
    }
    if (version === this.loadedVersion || version === this.refusedVersion) return;
    if (!this.watcher) this.watchFile(file); // it appeared, or was replaced while no watch was armed
    try {
      this.users = parseUsersFile(readFileSync(file, 'utf8'), file);
      this.loadedVersion = version;
      this.refusedVersion = undefined;
      this.logger.log({ msg: 'users file reloaded', file, users: this.users.size });
    } catch (error) {
      this.refusedVersion = version;
      this.logger.error({
        msg: 'users file changed but is invalid; keeping the previous users',
        file,
        error: (error as Error).message,
      });
    }
  }
}

/** Identifies one content of the file cheaply: a rewrite changes the mtime or size, a replacement the inode. */
function versionOf(file: string): string {
  const stat = statSync(file, { bigint: true });
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

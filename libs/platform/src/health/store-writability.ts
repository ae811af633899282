import { open, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoreWritability {
  writable: boolean;
  /** Bytes an unprivileged writer may still use on DATA_DIR's file system. */
  freeBytes: number;
  minFreeBytes: number;
  reason?: string;
}

const PROBE = '.write-probe';

/**
 * Whether the embedded store can take writes: free space on DATA_DIR's file system against a
 * configured minimum (so readiness drops before SQLite fails mid-commit), and a small file written
 * and fsynced there (the truth, whatever statfs says: quotas, read-only remounts, ext4's delayed
 * allocation, which reports ENOSPC only at fsync).
 */
export async function storeWritability(dataDir: string, minFreeBytes: number): Promise<StoreWritability> {
  const stats = await statfs(dataDir);
  const freeBytes = Number(stats.bavail) * Number(stats.bsize);
  if (freeBytes < minFreeBytes)
    return {
      writable: false,
      freeBytes,
      minFreeBytes,
      reason: `only ${freeBytes} bytes free on DATA_DIR, below STORE_MIN_FREE_MB`,
    };
  const path = join(dataDir, PROBE);
  try {
    const file = await open(path, 'w');
    try {
      await file.write(Buffer.alloc(4_096, 0x20));
      await file.sync();
    } finally {
      await file.close();
    }
    return { writable: true, freeBytes, minFreeBytes };
  } catch (error) {
    return {
      writable: false,
      freeBytes,
      minFreeBytes,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    };
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

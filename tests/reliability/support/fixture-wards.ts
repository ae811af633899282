import { join } from 'node:path';
import { FixtureWriter } from '../../bench/support/fixture-writer';
import { sectionIdOf, WardShape, writeWard } from '../../bench/support/synthetic-ward';
import { UserSpec, writeUsersFile } from '../../bench/support/users';

export const FY = 2026;

/** Nerima-sized wards with an open FY 2026 cycle (deadline in 2027), written through the fixture path. */
export function writeOpenWards(
  dataDir: string,
  wardIds: string[],
  shape: Partial<WardShape> = {},
): { shape: Omit<WardShape, 'wardId'>; usersFile: string; users: UserSpec[] } {
  const full: Omit<WardShape, 'wardId'> = {
    projects: 400,
    sections: 40,
    kpis: 20,
    fiscalYears: [FY],
    annualPlans: true,
    stage: 'open',
    ...shape,
  };
  const writer = new FixtureWriter(join(dataDir, 'events.db'));
  wardIds.forEach((wardId) => writeWard(writer, { wardId, ...full }));
  writer.close();
  const users: UserSpec[] = wardIds.flatMap((wardId) => [
    { username: `${wardId}.kikaku`, role: 'planning_office' as const, wardId },
    { username: `${wardId}.iin`, role: 'council_member' as const, wardId },
    ...Array.from({ length: full.sections }, (_, s) => ({
      username: `${wardId}.${sectionIdOf(s)}`,
      role: 'section_staff' as const,
      wardId,
      sectionId: sectionIdOf(s),
    })),
  ]);
  const usersFile = join(dataDir, 'users.json');
  writeUsersFile(usersFile, users);
  return { shape: full, usersFile, users };
}

import { wardPath } from '../../api/ward-path';

/** The council's queue of one fiscal year (boot.ts prefetches it; CouncilQueuePage reads it). */
export const councilQueuePath = (wardId: string, fiscalYear: number) =>
  wardPath(wardId, `/cycles/${fiscalYear}/council-queue`);

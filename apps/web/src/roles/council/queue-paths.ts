import { wardPath } from '../../api/client';

/** The council's queue of one fiscal year (app.tsx prefetches it; CouncilQueuePage reads it). */
export const councilQueuePath = (wardId: string, fiscalYear: number) =>
  wardPath(wardId, `/cycles/${fiscalYear}/council-queue`);

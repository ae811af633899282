import { createContext, ReactNode, useContext } from 'react';
import { get, wardPath } from '../api/client';
import type { CycleListEntry } from '../api/types';
import { QueryState, useQuery } from '../api/use-query';
import { useUser } from '../api/session';

type CyclesContextValue = QueryState<CycleListEntry[]> & { reload: () => void };

const CyclesContext = createContext<CyclesContextValue | null>(null);

/** The ward's cycles, newest first (GET /wards/{w}/cycles), loaded once per signed-in page. */
export function CyclesProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const cycles = useQuery(user.role === 'operator' ? null : `cycles:${user.wardId}`, (signal) =>
    get<CycleListEntry[]>(wardPath(user.wardId, '/cycles'), signal),
  );
  return <CyclesContext.Provider value={cycles}>{children}</CyclesContext.Provider>;
}

export function useCycles(): CyclesContextValue {
  const value = useContext(CyclesContext);
  if (!value) throw new Error('useCycles outside CyclesProvider');
  return value;
}

/** The year people work on: the newest open cycle, else the newest of any status. */
export function currentCycle(cycles: CycleListEntry[] | undefined): CycleListEntry | undefined {
  return cycles?.find((c) => c.status === 'open') ?? cycles?.[0];
}

import { useParams } from 'react-router';

/** The :fiscalYear of the address, as a number (NaN when someone typed nonsense). */
export function useFiscalYear(): number {
  const { fiscalYear } = useParams();
  return Number(fiscalYear);
}

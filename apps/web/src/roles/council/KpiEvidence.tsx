import type { ItemView } from '../../api/types';
import { useLanguage } from '../../i18n/language';
import { actualStrings } from '../../items/actual';
import type { Catalogue } from '../../items/catalogue';

/** Leading figure of a value such as 年間2,221人 or 92.1% (full-width digits too). */
export function figureOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ascii = text
    .replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '');
  const match = /-?\d+(?:\.\d+)?/.exec(ascii);
  return match ? Number(match[0]) : undefined;
}

/** The KPI's actual against its baseline and target, with progress toward the target when all three are numbers. */
export function KpiEvidence({ view, catalogue }: { view: ItemView; catalogue?: Catalogue }) {
  const { t } = useLanguage();
  const kpi = catalogue?.kpis[view.itemId];
  if (!kpi) return null;
  const baseline = kpi.baseline.value.number ?? figureOf(kpi.baseline.value.text);
  const target = kpi.target.value.number ?? figureOf(kpi.target.value.text);
  const stored = actualStrings(view.actual);
  const actual = figureOf(stored.value);
  const progress =
    baseline !== undefined && target !== undefined && actual !== undefined && target !== baseline
      ? Math.round(((actual - baseline) / (target - baseline)) * 1000) / 10
      : undefined;
  return (
    <table className="w-full border-collapse text-std-16N-170">
      <caption className="mb-2 text-left text-std-16B-170">{t('review.kpiTable')}</caption>
      <thead>
        <tr className="bg-solid-gray-50">
          <th scope="col" className="border border-solid-gray-420 px-2 py-1 text-left">
            {t('item.baseline')}
          </th>
          <th scope="col" className="border border-solid-gray-420 px-2 py-1 text-left">
            {t('item.actual')}
          </th>
          <th scope="col" className="border border-solid-gray-420 px-2 py-1 text-left">
            {t('item.kpiTarget')}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="border border-solid-gray-420 px-2 py-1">
            {kpi.baseline.value.text}
            <br />
            <span className="text-dns-14N-130">{kpi.baseline.asOf}</span>
          </td>
          <td className="border border-solid-gray-420 px-2 py-1 font-bold">
            {stored.value ?? t('common.unknown')}
            <br />
            <span className="text-dns-14N-130 font-normal">{stored.asOf}</span>
          </td>
          <td className="border border-solid-gray-420 px-2 py-1">
            {kpi.target.value.text}
            <br />
            <span className="text-dns-14N-130">{kpi.target.asOf}</span>
          </td>
        </tr>
      </tbody>
      {progress !== undefined && (
        <tfoot>
          <tr>
            <td colSpan={3} className="px-2 py-1">
              {t('review.kpiProgress', { percent: progress })}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

import { FormEvent, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { CycleListEntry, Scheme } from '../../api/types';
import { Button } from '../../components/Button';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { schemeHint, schemeName } from '../../items/scheme-names';
import { CheckboxGroupField } from './CheckboxGroupField';
import { DateFieldInput } from './DateTimeFields';
import { FormFailure } from './FormFailure';
import { cyclePath, useOfficeCatalogue } from './office-api';
import { exampleScale, GradeDraft, MAX_GRADES, ScaleProblem, scaleFrom, scaleProblems } from './ordinal-scale';
import { OrdinalScaleFields } from './OrdinalScaleFields';
import { useCommand } from './use-command';

/** The schemes this form opens; an ordinal year also takes its scale (OrdinalScaleFields). */
const OPENABLE_SCHEMES: Scheme[] = ['nerima', 'taisho', 'ordinal'];

const SCALE_MESSAGES = {
  size: 'office.scale.size',
  code: 'office.scale.codeInvalid',
  duplicate: 'office.scale.codeDuplicate',
  label: 'office.scale.labelRequired',
} as const satisfies Record<ScaleProblem, string>;

/** The fiscal year of today in Japan (April to March). */
function currentFiscalYear(now = new Date()): number {
  const tokyo = new Date(now.getTime() + 9 * 3_600_000);
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
}

/**
 * Opens a fiscal year: scheme, deadline and scope (every project and KPI still in the catalogue, or
 * those of chosen plans). The reminder policy starts from the ward's default and is changed on the
 * cycle's page.
 */
export function OpenCycleForm({
  wardId,
  existing,
  onOpened,
}: {
  wardId: string;
  existing: CycleListEntry[];
  onOpened: () => void;
}) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const catalogue = useOfficeCatalogue(wardId);
  const suggested = Math.max(currentFiscalYear(), ...existing.map((c) => c.fiscalYear + 1));
  // Untouched (null): the suggested year, which follows the list as it loads.
  const [fiscalYear, setFiscalYear] = useState<string | null>(null);
  const [scheme, setScheme] = useState<Scheme>('nerima');
  const [deadline, setDeadline] = useState('');
  const [scopeMode, setScopeMode] = useState<'all' | 'plans'>('all');
  const [planIds, setPlanIds] = useState<string[]>([]);
  const [grades, setGrades] = useState<GradeDraft[]>(exampleScale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const command = useCommand();

  const plans = useMemo(() => Object.values(catalogue.data?.plans ?? {}), [catalogue.data]);
  const live = useMemo(
    () => ({
      projects: Object.values(catalogue.data?.projects ?? {}).filter((p) => !p.retired),
      kpis: Object.values(catalogue.data?.kpis ?? {}).filter((k) => !k.retired),
    }),
    [catalogue.data],
  );
  const yearText = fiscalYear ?? String(suggested);
  const year = Number(yearText.trim());

  const scope = () => {
    const chosen = new Set(planIds);
    return {
      projectIds: live.projects.filter((p) => chosen.has(p.home.planId)).map((p) => p.projectId),
      kpiIds: live.kpis.filter((k) => chosen.has(k.planId)).map((k) => k.kpiId),
    };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!Number.isInteger(year) || year < 2000 || year > 2100) found.fiscalYear = t('office.open.fiscalYearInvalid');
    if (!deadline) found.deadline = t('office.open.deadlineRequired');
    if (scopeMode === 'plans' && planIds.length === 0) found.scope = t('office.open.plansRequired');
    if (scheme === 'ordinal') {
      for (const [field, problem] of Object.entries(scaleProblems(grades)))
        found[field] = t(SCALE_MESSAGES[problem], { max: MAX_GRADES });
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = {
      scheme,
      deadline,
      ...(scheme === 'ordinal' ? { ordinalScale: scaleFrom(grades) } : {}),
      ...(scopeMode === 'plans' ? { scope: scope() } : {}),
    };
    const result = await command.send('POST', cyclePath(wardId, year), body, { year, ...body });
    if (result) {
      onOpened();
      await navigate(`/office/cycles/${year}`);
    }
  };

  const server = command.fieldErrors;
  const exists = command.error?.code === 'CYCLE_EXISTS' ? command.error.text(language) : undefined;
  const shown: Record<string, string> = { ...server, ...(exists ? { fiscalYear: exists } : {}), ...errors };
  return (
    <section
      aria-labelledby="open-cycle"
      className="flex max-w-2xl flex-col gap-4 rounded-12 border border-solid-gray-420 p-4 sm:p-6"
    >
      <h2 id="open-cycle" className="text-std-22B-150">
        {t('office.open.title')}
      </h2>
      <p className="text-std-16N-170">{t('office.open.lead')}</p>
      <FormFailure error={exists ? undefined : command.generalError} title={t('office.open.failed')} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-5">
        <TextField
          label={t('office.open.fiscalYear')}
          description={t('office.open.fiscalYearHint', { year: fiscalYearLabel(year || suggested, language) })}
          value={yearText}
          onChange={setFiscalYear}
          inputMode="numeric"
          error={shown.fiscalYear}
          isRequired
          className="max-w-md"
        />
        <RadioGroup
          label={t('office.cycle.scheme')}
          value={scheme}
          onChange={(v) => setScheme(v as Scheme)}
          options={OPENABLE_SCHEMES.map((id) => ({
            id,
            label: schemeName(id, language),
            description: schemeHint(id, language),
          }))}
          error={shown.scheme}
          isRequired
        />
        {scheme === 'ordinal' && <OrdinalScaleFields grades={grades} onChange={setGrades} errors={shown} />}
        <DateFieldInput
          label={t('common.deadline')}
          description={t('office.open.deadlineHint')}
          value={deadline}
          onChange={setDeadline}
          error={shown.deadline}
          isRequired
        />
        <RadioGroup
          label={t('office.open.scope')}
          value={scopeMode}
          onChange={(v) => setScopeMode(v as 'all' | 'plans')}
          options={[
            { id: 'all', label: t('office.open.scopeAll', { projects: live.projects.length, kpis: live.kpis.length }) },
            { id: 'plans', label: t('office.open.scopePlans') },
          ]}
          error={scopeMode === 'all' ? shown.scope : undefined}
        />
        {scopeMode === 'plans' && (
          <CheckboxGroupField
            label={t('office.open.plans')}
            options={plans.map((p) => ({
              id: p.planId,
              label: `${t('office.catalogue.planCode', { code: p.code })} ${p.title}`,
            }))}
            value={planIds}
            onChange={setPlanIds}
            error={shown.scope}
            isRequired
          />
        )}
        <div>
          <Button type="submit" isPending={command.pending}>
            {t('office.open.submit', { year: fiscalYearLabel(year || suggested, language) })}
          </Button>
        </div>
      </Form>
    </section>
  );
}

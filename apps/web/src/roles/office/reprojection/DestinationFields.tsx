import { useState } from 'react';
import { Button } from '../../../components/Button';
import { descriptionClass } from '../../../components/field-styles';
import { Option, Select } from '../../../components/Select';
import { withAside } from '../../../format/parentheses';
import { Language, Translate, useLanguage } from '../../../i18n/language';
import type { BProject, ReasonCategory } from './reprojection-api';
import { assignProject, CategoryDraft, RevisionDraft } from './revision-draft';

const FOLLOW = 'follow';

const categoryName = (category: CategoryDraft, n: number, t: Translate, language: Language) =>
  category.label && category.code
    ? withAside(category.label, category.code, language)
    : category.label || category.code || t('office.reproj.newCategory', { n });

/**
 * Where each old category goes (a merge: two old categories, one destination), and for a split
 * category the projects that go elsewhere. Errors by the API's paths: bReasonMap.<old>, assign.<id>.
 */
export function DestinationFields({
  draft,
  onChange,
  onSplit,
  oldReasons,
  bProjects,
  errors,
}: {
  draft: RevisionDraft;
  onChange: (draft: RevisionDraft) => void;
  /** Adds a category for the split of this old one. */
  onSplit: (oldCode: string) => void;
  oldReasons: ReasonCategory[];
  bProjects: BProject[];
  errors: Record<string, string>;
}) {
  const { t, language } = useLanguage();
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const options: Option[] = draft.categories.map((category, i) => ({
    id: category.key,
    label: categoryName(category, i + 1, t, language),
  }));
  const toggle = (code: string) =>
    setOpened((previous) => {
      const next = new Set(previous);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <fieldset className="flex min-w-0 flex-col gap-4">
      <legend className="text-std-18B-160 text-solid-gray-900">{t('office.reproj.mapping')}</legend>
      <p className={descriptionClass}>{t('office.reproj.mappingLead')}</p>
      {oldReasons.map((reason) => {
        const projects = bProjects.filter((project) => project.bReason === reason.code);
        const hasProjectError = projects.some((project) => errors[`assign.${project.projectId}`]);
        const open = opened.has(reason.code) || hasProjectError;
        const destination = options.find((option) => option.id === draft.destination[reason.code]);
        return (
          <fieldset
            key={reason.code}
            className="flex min-w-0 flex-col gap-3 rounded-8 border border-solid-gray-420 p-3 sm:p-4"
          >
            <legend className="px-1 text-std-16B-170">
              {t('office.reproj.oldCategory', { label: reason.label, code: reason.code })}
            </legend>
            <p className={descriptionClass}>{t('office.reproj.oldCount', { count: projects.length })}</p>
            <Select
              label={t('office.reproj.destination', { label: reason.label })}
              options={options}
              value={draft.destination[reason.code] ?? null}
              onChange={(key) =>
                onChange({ ...draft, destination: { ...draft.destination, [reason.code]: key ?? undefined } })
              }
              error={errors[`bReasonMap.${reason.code}`]}
              isRequired
            />
            <div className="flex flex-wrap gap-3">
              <Button
                variant="secondary"
                size="sm"
                onPress={() => {
                  onSplit(reason.code);
                  setOpened((previous) => new Set(previous).add(reason.code));
                }}
              >
                {t('office.reproj.split', { label: reason.label })}
              </Button>
              {projects.length > 0 && (
                <Button variant="tertiary" size="sm" aria-expanded={open} onPress={() => toggle(reason.code)}>
                  {open ? t('office.reproj.hideProjects') : t('office.reproj.showProjects', { count: projects.length })}
                </Button>
              )}
            </div>
            {open && projects.length > 0 && (
              <ul className="flex flex-col gap-3">
                {projects.map((project) => (
                  <li key={project.projectId}>
                    <Select
                      label={t('office.reproj.projectDestination', { id: project.projectId, name: project.name })}
                      options={[
                        {
                          id: FOLLOW,
                          label: destination
                            ? t('office.reproj.followDefaultTo', { label: destination.label })
                            : t('office.reproj.followDefault'),
                        },
                        ...options,
                      ]}
                      value={draft.assign[project.projectId] ?? FOLLOW}
                      onChange={(key) =>
                        onChange(
                          assignProject(draft, project.projectId, key === FOLLOW ? undefined : (key ?? undefined)),
                        )
                      }
                      error={errors[`assign.${project.projectId}`]}
                    />
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

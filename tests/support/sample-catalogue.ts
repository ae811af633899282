import type { ApiHarness } from './api-harness';
import { PILLARS, PLANS, PROJECTS, SampleProject, SECTIONS } from './sample-ward';

/** A sample project as the catalogue routes take it (register and change), in the section given. */
export const projectBody = (project: SampleProject, sectionId = project.sectionId) => ({
  projectId: project.projectId,
  name: project.name,
  sectionId,
  notSuitedForShortTermEvaluation: false,
  home: { planId: project.planId, sectionNo: project.sectionNo, sectionTitle: '項目' },
});

/** Registers the sample ward's sections, pillars, plans and projects through the API, as the planning office. */
export async function registerSampleCatalogue(api: ApiHarness, ward = '/wards/nerima'): Promise<void> {
  const kikaku = await api.as('kikaku');
  for (const section of SECTIONS) await kikaku.post(`${ward}/catalogue/sections`, section).expect(200);
  for (const pillar of PILLARS) await kikaku.post(`${ward}/catalogue/pillars`, pillar).expect(200);
  for (const plan of PLANS) await kikaku.post(`${ward}/catalogue/plans`, plan).expect(200);
  for (const project of PROJECTS) await kikaku.post(`${ward}/catalogue/projects`, projectBody(project)).expect(200);
}

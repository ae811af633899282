import { KPIS, PROJECTS } from '../support/sample-ward';
import { CYCLE, WebWorld } from './support/web-world';

type Call = PromiseLike<{ status: number; body: unknown }>;
const ok = async (call: Call) => {
  const response = await call;
  if (response.status >= 300) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
};

/** Actuals as the sections enter them; `overrides` replaces some (by id) before the council's approval. */
export async function submitAndApproveAll(world: WebWorld, overrides: Record<string, string> = {}): Promise<void> {
  const iin = await world.api.as('iin');
  for (const project of PROJECTS) {
    const staff = await world.api.as(`staff-${project.sectionId}`);
    const rating = {
      scheme: 'nerima',
      grade: project.grade,
      ...(project.bReason ? { bReason: project.bReason } : {}),
      ...(project.note ? { note: project.note } : {}),
    };
    await ok(
      staff.post(`${CYCLE}/projects/${project.projectId}/submission`, {
        actual: { text: overrides[project.projectId] ?? `${project.name}を実施した。` },
        rating,
      }),
    );
    await ok(iin.post(`${CYCLE}/projects/${project.projectId}/review`, { decision: 'approve' }));
  }
  for (const kpi of KPIS) {
    const staff = await world.api.as(`staff-${kpi.sectionId}`);
    await ok(
      staff.post(`${CYCLE}/kpis/${kpi.kpiId}/submission`, { actual: { value: kpi.actual, asOf: '令和8年度末' } }),
    );
    await ok(iin.post(`${CYCLE}/kpis/${kpi.kpiId}/review`, { decision: 'approve' }));
  }
}

/** Closed and published (version 1), then one project corrected and published again as version 2. */
export async function publishWithCorrection(
  world: WebWorld,
  correction: { projectId: string; actual: string; reason: string },
): Promise<void> {
  const kikaku = await world.api.as('kikaku');
  await ok(kikaku.post(`${CYCLE}/closing`, { confirmOutstanding: true }));
  await ok(kikaku.post(`${CYCLE}/publications`, {}));
  await ok(
    kikaku.post(`${CYCLE}/projects/${correction.projectId}/correction`, {
      reason: correction.reason,
      actualText: correction.actual,
    }),
  );
  await ok(kikaku.post(`${CYCLE}/corrections`, { reason: correction.reason }));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@pdca/kernel';
import type { ImportFile } from '@pdca/importing';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'nerima-fy2022');
export const FIXTURE_FILES = ['structure.csv', 'projects.csv', 'kpis.csv'];

export const planner: Actor = { userId: 'planner-1', role: 'planning_office', wardId: 'nerima' };
export const options = { wardId: 'nerima', actor: planner };

export const fixtureFiles = (): ImportFile[] =>
  FIXTURE_FILES.map((name) => ({ name, data: readFileSync(join(FIXTURES, name)) }));

export const csvFile = (name: string, text: string): ImportFile => ({ name, data: Buffer.from(text, 'utf8') });

export const STRUCTURE_HEADER = '種別,番号,名称,基本目標';
export const PROJECTS_HEADER =
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
export const KPIS_HEADER = '指標ID,戦略計画,指標,区分,目標値,目標時点,現状値,現状値時点,年度,実績,実績時点';

import type { Clock } from '@pdca/kernel';
import { ApiHarness } from './api-harness';
import { registerSampleCatalogue } from './sample-catalogue';
import { USERS } from './sample-ward';

export interface TwoApis {
  one: ApiHarness;
  two: ApiHarness;
}

/**
 * Two APIs on one store, as with API_PROCESSES=2, for the enclosing describe: started before its tests
 * with the sample ward's catalogue registered and its FY2022 cycle open through the first, stopped
 * after them. The second learns of the first's writes by polling, as another process would.
 */
export function twoApisOnOneStore(clock: Clock): TwoApis {
  const apis = {} as TwoApis;
  beforeAll(async () => {
    apis.one = await ApiHarness.start(USERS, { clock });
    // Started before anyone signs in: each start writes the users file, whose new hashes end earlier sessions.
    apis.two = await ApiHarness.start(USERS, { clock, dir: apis.one.dir });
    await registerSampleCatalogue(apis.one);
    await (
      await apis.one.as('kikaku')
    )
      .post('/wards/nerima/cycles/2022', { scheme: 'nerima', deadline: '2023-05-31' })
      .expect(200);
  });
  afterAll(async () => {
    await apis.two?.stop();
    await apis.one?.stop();
  });
  return apis;
}

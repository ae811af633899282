import { unsupportedRuntime } from './node-api-version';

describe('the service says which Node it needs instead of crashing on an older one', () => {
  it('given Node 20 (Node-API 9), then it names the version and how to start on Node 26, in Japanese and English', () => {
    const reason = unsupportedRuntime({ node: '20.20.2', napi: '9' });
    expect(reason).toContain('v20.20.2');
    expect(reason).toContain('Node.js 26 で動かしてください');
    expect(reason).toContain('it needs Node.js 26');
    expect(reason).toContain('npm start');
  });

  it('given Node 26 (Node-API 10), then it has nothing to say', () => {
    expect(unsupportedRuntime({ node: '26.10.0', napi: '10' })).toBeUndefined();
  });

  it('the Node running these tests is one the service runs on', () => {
    expect(unsupportedRuntime(process.versions)).toBeUndefined();
  });
});

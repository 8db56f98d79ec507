import { describe, expect, it } from 'vitest';
import { datasetBaseUrl } from '../../src/state/dataset-url';

describe('datasetBaseUrl', () => {
  it('loads the embedded demo by default', () => {
    expect(datasetBaseUrl('', '/')).toBe('/data/demo/');
  });
  it('accepts a folder on the same server', () => {
    expect(datasetBaseUrl('?data=data/bench-1m/', '/')).toBe('/data/bench-1m/');
  });
  it('refuses other hosts, absolute paths and parent folders', () => {
    for (const bad of ['//evil.example/x/', 'https://evil.example/', '/etc/', 'data/../../x/', 'data/demo']) {
      expect(datasetBaseUrl(`?data=${encodeURIComponent(bad)}`, '/')).toBe('/data/demo/');
    }
  });
});

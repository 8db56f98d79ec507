// Imported polygons as register hotspots: the file's kind and state words are read in English or
// Chinese; what a file does not say gets a neutral value — a kind the register does not know is
// "other", never a guessed one (it was shown as 城中村 before).
import { describe, expect, it } from 'vitest';
import { areasToHotspots } from '../../src/io/import/to-layers';
import type { AreaRecord } from '../../src/io/import/import-areas';
import type { AreaGeometry } from '../../src/model';

const square: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const area = (id: string, properties: Record<string, string>): AreaRecord => ({ geometry: square, id, name: `区域 ${id}`, properties });

describe('areasToHotspots', () => {
  it('reads kinds as codes or Chinese words, and keeps an unknown or missing kind as "other"', () => {
    const fc = areasToHotspots([
      area('a', { kind: 'station' }),
      area('b', { 类型: '集贸市场' }),
      area('c', { 类型: '网吧' }),
      area('d', { 类型: '菜场边的空地' }),
      area('e', {}),
    ]);
    expect(fc.features.map((f) => f.properties.kind)).toEqual(['station', 'market', 'internet-cafe', 'other', 'other']);
  });

  it('reads state words and ISO deadlines; without them a hotspot is 排查发现 with no deadline', () => {
    const fc = areasToHotspots([area('a', { 状态: '挂牌督办', 期限: '2026-03-31', 第一责任人: '张三' }), area('b', { deadline: '31/03/2026' })]);
    expect(fc.features[0].properties).toMatchObject({ state: 'listed', deadline: '2026-03-31', firstResponsible: '张三', history: [], measures: [] });
    expect(fc.features[1].properties).toMatchObject({ state: 'discovered', deadline: null, firstResponsible: '' });
  });
});

// Demo generator: the twenty listed-hotspot stories of the demo, one per site, covering every stage
// of the rectification cycle (DOMAIN.md): early discoveries, areas under assessment, newly listed
// ones, rectification on time and overdue, a failed acceptance with an extended deadline, several
// delisted areas, and one relisted within a year of delisting (一票否决). `knots` shape the site's
// incidents over time so that the data tells the same story as the history.
import type { HotspotKind, HotspotProps, HotspotState } from '../../src/model/hotspot';
import type { FacilityRole } from './fabric';

export type Ev = [date: string, state: HotspotState, note: string, extra?: { satisfaction?: number; deadline?: string }];

export interface Scenario {
  /** A facility by name, or the nth facility of a role in the county town or in the town centres. */
  site: { name: string } | { role: FacilityRole; nth: number; where: 'county-town' | 'towns' };
  kind: HotspotKind;
  source: HotspotProps['source'];
  events: Ev[];
  knots: [string, number][];
  measures: string[];
  /** Cameras installed by the rectification (they appear in cameras.geojson). */
  newCameras?: number;
}

const FOUND: Record<HotspotProps['source'], string> = {
  'town-centre': '{town}综治中心排查上报',
  informant: '信息员反映',
  'department-visit': '县综治办月度走访发现',
};
const ASSESS = '派出所与{town}半月研判会：建议列为治安重点地区，联合整治';
const list = (months: number) => `县联席会议决定挂牌督办，整治期限${months}个月`;
const START = '启动整治：{town}主要负责人为第一责任人，派出所所长为直接责任人';
const ACCEPT = '整治期满，组织居民、信息员、受害群众代表召开验收会';
const pass = (p: number) => `验收满意度${p}%，报县综治办同意摘牌`;
const fail = (p: number, until: string) => `验收满意度${p}%，未达90%，延长整治期限至${until}`;
const EMERGING: [string, number][] = [['2024-01-01', 0.6], ['2025-06-01', 0.7], ['2025-11-15', 1.7], ['2025-12-31', 1.8]];

export function foundNote(source: HotspotProps['source'], what: string): string {
  return `${FOUND[source]}：${what}`;
}

export const SCENARIOS: Scenario[] = [
  {
    site: { name: '东关农贸市场' }, kind: 'market', source: 'town-centre', newCameras: 6,
    events: [
      ['2024-02-05', 'discovered', '#早市扒窃、街头诈骗警情集中'], ['2024-02-16', 'assessing', ASSESS],
      ['2024-02-27', 'listed', list(4), { deadline: '2024-06-30' }], ['2024-03-04', 'rectifying', START],
      ['2024-06-20', 'accepting', ACCEPT], ['2024-06-28', 'delisted', pass(94), { satisfaction: 0.94 }],
    ],
    knots: [['2024-03-04', 1.0], ['2024-04-10', 0.38], ['2025-12-31', 0.33]],
    measures: ['便衣巡逻打击扒窃', '规范市场摊位经营秩序', '新建监控6路', '设立市场警务室'],
  },
  {
    site: { name: '县汽车站' }, kind: 'station', source: 'department-visit', newCameras: 4,
    events: [
      ['2024-03-11', 'discovered', '#车站周边非法拉客、扒窃、街头诈骗多发'], ['2024-03-18', 'assessing', ASSESS],
      ['2024-03-27', 'listed', list(3), { deadline: '2024-06-30' }], ['2024-04-02', 'rectifying', START],
      ['2024-06-24', 'accepting', ACCEPT], ['2024-07-02', 'delisted', pass(91), { satisfaction: 0.91 }],
    ],
    knots: [['2024-04-02', 1.0], ['2024-05-15', 0.4], ['2025-12-31', 0.34]],
    measures: ['整治非法营运拉客', '增设治安岗亭', '新建监控4路', '候车厅巡逻'],
  },
  {
    site: { name: '鼓楼夜宵街' }, kind: 'entertainment', source: 'informant', newCameras: 5,
    events: [
      ['2024-03-20', 'discovered', '#夜宵街深夜酒后斗殴、寻衅滋事多发'], ['2024-04-01', 'assessing', ASSESS],
      ['2024-04-26', 'listed', list(3), { deadline: '2024-07-31' }], ['2024-05-06', 'rectifying', START],
      ['2024-07-25', 'accepting', ACCEPT], ['2024-08-02', 'delisted', pass(92), { satisfaction: 0.92 }],
      ['2025-07-02', 'discovered', '#摘牌后复发，深夜斗殴警情回升'], ['2025-07-16', 'assessing', ASSESS],
      ['2025-07-25', 'listed', '摘牌不满一年再次挂牌，按规定实行一票否决并启动问责，整治期限6个月', { deadline: '2026-01-31' }],
      ['2025-08-01', 'rectifying', START],
    ],
    knots: [['2024-05-06', 1.05], ['2024-06-10', 0.4], ['2024-10-15', 0.4], ['2025-04-15', 1.05], ['2025-08-01', 1.05], ['2025-12-31', 0.75]],
    measures: ['夜间巡逻加密', '规范夜宵摊点占道经营', '新建监控5路', '商户治安联防'],
  },
  {
    site: { name: '城北路口' }, kind: 'urban-rural-fringe', source: 'town-centre', newCameras: 4,
    events: [
      ['2024-05-08', 'discovered', '#城北路口烧烤摊占道经营，酒后纠纷、交通事故多发'], ['2024-05-16', 'assessing', ASSESS],
      ['2024-05-28', 'listed', list(2), { deadline: '2024-07-31' }], ['2024-05-30', 'rectifying', START],
      ['2024-06-26', 'accepting', ACCEPT], ['2024-07-01', 'delisted', '一个月内完成整治，验收满意度96%，同意摘牌', { satisfaction: 0.96 }],
    ],
    knots: [['2024-05-30', 1.0], ['2024-06-20', 0.35], ['2025-12-31', 0.3]],
    measures: ['增设信号灯', '清理占道烧烤摊点', '新建监控4路'],
  },
  {
    site: { role: 'urban-village', nth: 0, where: 'county-town' }, kind: 'urban-village', source: 'informant',
    events: [
      ['2025-04-14', 'discovered', '#城中村出租屋集中，入室盗窃、盗窃电动车多发'], ['2025-04-16', 'assessing', ASSESS],
      ['2025-05-27', 'listed', list(4), { deadline: '2025-09-30' }], ['2025-06-03', 'rectifying', START],
    ],
    knots: [['2024-01-01', 0.9], ['2025-06-03', 1.1], ['2025-12-31', 1.3]],
    measures: ['出租屋流动人口登记', '路灯亮化改造'],
  },
  {
    site: { role: 'urban-village', nth: 1, where: 'county-town' }, kind: 'urban-village', source: 'department-visit',
    events: [
      ['2025-11-03', 'discovered', '#城中村巷道狭窄无监控，盗窃、赌博警情上升'], ['2025-11-17', 'assessing', ASSESS],
      ['2025-12-26', 'listed', list(3), { deadline: '2026-03-31' }],
    ],
    knots: [['2024-01-01', 0.8], ['2025-03-01', 0.9], ['2025-10-01', 1.3], ['2025-12-31', 1.35]],
    measures: [],
  },
  {
    site: { role: 'urban-village', nth: 2, where: 'county-town' }, kind: 'urban-village', source: 'informant',
    events: [['2025-12-08', 'discovered', '#城中村夜间盗窃电动车多发'], ['2025-12-16', 'assessing', ASSESS]],
    knots: EMERGING, measures: [],
  },
  {
    site: { name: '西关菜市场' }, kind: 'market', source: 'town-centre', newCameras: 6,
    events: [
      ['2024-11-04', 'discovered', '#菜市场扒窃、摊位纠纷多发'], ['2024-11-18', 'assessing', ASSESS],
      ['2024-12-26', 'listed', list(3), { deadline: '2025-03-31' }], ['2025-01-06', 'rectifying', START],
      ['2025-03-24', 'accepting', ACCEPT], ['2025-03-28', 'rectifying', fail(84, '2025-06-30'), { satisfaction: 0.84, deadline: '2025-06-30' }],
      ['2025-06-23', 'accepting', '延期届满，再次组织验收'], ['2025-06-27', 'delisted', pass(93), { satisfaction: 0.93 }],
    ],
    knots: [['2025-01-06', 1.05], ['2025-02-20', 0.75], ['2025-04-01', 0.72], ['2025-05-15', 0.38], ['2025-12-31', 0.33]],
    measures: ['规范市场经营秩序', '便衣打击扒窃', '新建监控6路', '增设治安岗亭'],
  },
  {
    site: { name: '滨河KTV一条街' }, kind: 'entertainment', source: 'department-visit',
    events: [
      ['2025-07-07', 'discovered', '#KTV、酒吧集中，深夜斗殴、寻衅滋事警情多'], ['2025-07-16', 'assessing', ASSESS],
      ['2025-08-26', 'listed', list(3), { deadline: '2025-11-30' }], ['2025-09-01', 'rectifying', START],
    ],
    knots: [['2024-01-01', 0.85], ['2025-09-01', 1.15], ['2025-12-31', 1.35]],
    measures: ['娱乐场所每日巡查'],
  },
  {
    site: { name: '人民路网吧集中区' }, kind: 'internet-cafe', source: 'department-visit', newCameras: 3,
    events: [
      ['2024-09-09', 'discovered', '#网吧集中，未成年人上网、斗殴、赌博时有发生'], ['2024-09-16', 'assessing', ASSESS],
      ['2024-09-26', 'listed', list(3), { deadline: '2024-12-31' }], ['2024-10-08', 'rectifying', START],
      ['2024-12-20', 'accepting', ACCEPT], ['2024-12-27', 'delisted', pass(92), { satisfaction: 0.92 }],
    ],
    knots: [['2024-10-08', 1.0], ['2024-11-15', 0.4], ['2025-12-31', 0.34]],
    measures: ['网吧实名登记检查', '清理未成年人上网', '新建监控3路'],
  },
  {
    site: { name: '城东工业园出租屋片区' }, kind: 'rental-housing', source: 'informant', newCameras: 4,
    events: [
      ['2025-03-10', 'discovered', '#出租屋流动人口多、登记不全，盗窃警情多'], ['2025-03-17', 'assessing', ASSESS],
      ['2025-03-27', 'listed', list(6), { deadline: '2025-09-30' }], ['2025-04-07', 'rectifying', START],
      ['2025-09-22', 'accepting', ACCEPT], ['2025-09-26', 'rectifying', fail(82, '2026-01-31'), { satisfaction: 0.82, deadline: '2026-01-31' }],
    ],
    knots: [['2025-04-07', 1.0], ['2025-06-15', 0.72], ['2025-12-31', 0.68]],
    measures: ['出租屋“旅馆式”管理', '安装智能门禁', '新建监控4路'],
  },
  {
    site: { name: '县人民医院' }, kind: 'hospital-surroundings', source: 'department-visit', newCameras: 4,
    events: [
      ['2025-06-09', 'discovered', '#医院周边号贩子、医托诈骗，停车纠纷多'], ['2025-06-16', 'assessing', ASSESS],
      ['2025-07-25', 'listed', list(5), { deadline: '2025-12-31' }], ['2025-08-01', 'rectifying', START],
      ['2025-12-22', 'accepting', ACCEPT],
    ],
    knots: [['2025-08-01', 1.0], ['2025-09-15', 0.42], ['2025-12-31', 0.38]],
    measures: ['打击号贩子、医托', '规范停车秩序', '新建监控4路', '设立医院警务室'],
  },
  {
    site: { name: '县第一中学' }, kind: 'school-surroundings', source: 'town-centre', newCameras: 3,
    events: [
      ['2025-02-24', 'discovered', '#校园周边盗窃电动车、学生纠纷多发'], ['2025-03-03', 'assessing', ASSESS],
      ['2025-03-27', 'listed', list(3), { deadline: '2025-06-30' }], ['2025-04-01', 'rectifying', START],
      ['2025-06-16', 'accepting', ACCEPT], ['2025-06-20', 'delisted', pass(95), { satisfaction: 0.95 }],
    ],
    knots: [['2025-04-01', 1.0], ['2025-05-01', 0.38], ['2025-12-31', 0.33]],
    measures: ['上下学高峰护学岗', '清理校园周边摊贩', '新建监控3路'],
  },
  {
    site: { name: '城南农贸市场' }, kind: 'market', source: 'town-centre',
    events: [
      ['2025-09-08', 'discovered', '#市场扒窃、街头诈骗警情上升'], ['2025-09-16', 'assessing', ASSESS],
      ['2025-10-27', 'listed', list(3), { deadline: '2026-01-31' }], ['2025-11-03', 'rectifying', START],
    ],
    knots: [['2024-01-01', 0.9], ['2025-11-03', 1.1], ['2025-12-31', 0.72]],
    measures: ['规范摊位经营', '便衣巡逻打击扒窃'],
  },
  {
    site: { name: '县火车站' }, kind: 'station', source: 'department-visit',
    events: [['2025-12-15', 'discovered', '#站前广场拉客、扒窃警情上升']],
    knots: EMERGING, measures: [],
  },
  {
    site: { role: 'market', nth: 0, where: 'towns' }, kind: 'market', source: 'town-centre', newCameras: 3,
    events: [
      ['2025-05-12', 'discovered', '#逢集日扒窃、街头诈骗集中'], ['2025-05-16', 'assessing', ASSESS],
      ['2025-06-26', 'listed', list(6), { deadline: '2025-12-31' }], ['2025-07-01', 'rectifying', START],
      ['2025-12-19', 'accepting', ACCEPT],
    ],
    knots: [['2025-07-01', 1.0], ['2025-08-20', 0.45], ['2025-12-31', 0.4]],
    measures: ['逢集日警力前置', '打击扒窃、街头诈骗', '新建监控3路'],
  },
  {
    site: { role: 'market', nth: 1, where: 'towns' }, kind: 'market', source: 'town-centre',
    events: [
      ['2025-10-13', 'discovered', '#集市周边纠纷、盗窃警情上升'], ['2025-11-03', 'assessing', ASSESS],
      ['2025-12-26', 'listed', list(3), { deadline: '2026-03-31' }],
    ],
    knots: [['2024-06-01', 0.8], ['2025-10-01', 1.3], ['2025-12-31', 1.3]],
    measures: [],
  },
  {
    site: { role: 'entertainment', nth: 0, where: 'towns' }, kind: 'entertainment', source: 'informant',
    events: [['2025-12-18', 'discovered', '#夜市酒后斗殴时有发生']],
    knots: EMERGING, measures: [],
  },
  {
    site: { role: 'station', nth: 2, where: 'towns' }, kind: 'station', source: 'town-centre',
    events: [['2025-11-24', 'discovered', '#汽车站周边盗窃电动车多发'], ['2025-12-01', 'assessing', ASSESS]],
    knots: EMERGING, measures: [],
  },
  {
    site: { name: '县第二中学' }, kind: 'school-surroundings', source: 'informant',
    events: [
      ['2025-09-22', 'discovered', '#放学时段校外欺凌、敲诈学生'], ['2025-10-16', 'assessing', ASSESS],
      ['2025-10-27', 'listed', list(4), { deadline: '2026-02-28' }], ['2025-11-03', 'rectifying', START],
    ],
    knots: [['2024-01-01', 0.9], ['2025-11-03', 1.05], ['2025-12-31', 0.8]],
    measures: ['上下学高峰护学岗', '清理校园周边流动摊贩'],
  },
];

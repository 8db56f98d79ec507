// Demo generator: synthetic Chinese place and person names with romanised forms. Names are built
// from syllable lists typical of the Huai plain (庄, 集, 圩, 郢 …) so the map reads like a real
// county, while every name is invented; each syllable carries its pinyin so nameEn is derived.
import type { Rng } from './random';

type Syl = readonly [hanzi: string, pinyin: string];

const SURNAMES: Syl[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['徐', 'xu'], ['孙', 'sun'],
  ['朱', 'zhu'], ['马', 'ma'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'],
  ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['田', 'tian'],
  ['董', 'dong'], ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['杜', 'du'],
  ['程', 'cheng'], ['魏', 'wei'], ['丁', 'ding'], ['任', 'ren'], ['姚', 'yao'], ['沈', 'shen'],
  ['崔', 'cui'], ['范', 'fan'], ['汪', 'wang'], ['石', 'shi'], ['贾', 'jia'], ['夏', 'xia'],
  ['方', 'fang'], ['孟', 'meng'], ['秦', 'qin'], ['薛', 'xue'], ['尹', 'yin'], ['段', 'duan'],
  ['葛', 'ge'], ['鲍', 'bao'], ['岳', 'yue'], ['侯', 'hou'], ['武', 'wu'], ['常', 'chang'],
];

const DESCRIPTORS: Syl[] = [
  ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['大', 'da'], ['小', 'xiao'],
  ['新', 'xin'], ['前', 'qian'], ['后', 'hou'], ['双', 'shuang'], ['三', 'san'], ['柳', 'liu'],
  ['桃', 'tao'], ['枣', 'zao'], ['松', 'song'], ['花', 'hua'], ['白', 'bai'], ['青', 'qing'],
  ['龙', 'long'], ['凤', 'feng'], ['牛', 'niu'], ['沙', 'sha'], ['丰', 'feng'], ['安', 'an'],
  ['永', 'yong'], ['兴', 'xing'], ['官', 'guan'], ['古', 'gu'], ['槐', 'huai'], ['杏', 'xing'],
];

const VILLAGE_SUFFIXES: Syl[] = [
  ['庄', 'zhuang'], ['集', 'ji'], ['圩', 'wei'], ['郢', 'ying'], ['寨', 'zhai'], ['店', 'dian'],
  ['湾', 'wan'], ['岗', 'gang'], ['桥', 'qiao'], ['楼', 'lou'], ['台', 'tai'], ['塘', 'tang'],
  ['营', 'ying'], ['沟', 'gou'], ['坝', 'ba'], ['铺', 'pu'], ['洼', 'wa'], ['园', 'yuan'],
  ['口', 'kou'], ['屯', 'tun'], ['湖', 'hu'], ['林', 'lin'], ['圈', 'quan'], ['坊', 'fang'],
];

const TOWN_SUFFIXES: Syl[] = [
  ['集', 'ji'], ['店', 'dian'], ['桥', 'qiao'], ['湖', 'hu'], ['河', 'he'], ['岗', 'gang'],
  ['庙', 'miao'], ['寺', 'si'], ['铺', 'pu'], ['口', 'kou'], ['台', 'tai'], ['营', 'ying'], ['塘', 'tang'],
];

/** Community (社区) names of a county town: civic and directional names. */
export const URBAN_COMMUNITY_NAMES: Syl[] = [
  ['东关', 'dongguan'], ['西关', 'xiguan'], ['南关', 'nanguan'], ['北关', 'beiguan'], ['鼓楼', 'gulou'],
  ['文昌', 'wenchang'], ['人民', 'renmin'], ['解放', 'jiefang'], ['新华', 'xinhua'], ['淮河', 'huaihe'],
  ['滨河', 'binhe'], ['和平', 'heping'], ['幸福', 'xingfu'], ['建设', 'jianshe'], ['光明', 'guangming'],
  ['朝阳', 'chaoyang'], ['花园', 'huayuan'], ['育才', 'yucai'], ['长青', 'changqing'], ['振兴', 'zhenxing'],
  ['友谊', 'youyi'], ['民主', 'minzhu'], ['胜利', 'shengli'], ['团结', 'tuanjie'], ['向阳', 'xiangyang'],
  ['翠竹', 'cuizhu'], ['金桥', 'jinqiao'], ['春晖', 'chunhui'], ['紫薇', 'ziwei'], ['府前', 'fuqian'],
  ['学府', 'xuefu'], ['龙湖', 'longhu'], ['凤凰', 'fenghuang'], ['清河', 'qinghe'], ['南湖', 'nanhu'],
  ['东湖', 'donghu'], ['锦绣', 'jinxiu'], ['红旗', 'hongqi'], ['丰收', 'fengshou'], ['富民', 'fumin'],
];

const GIVEN: string[] = [
  '建国', '伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛',
  '明', '超', '秀兰', '霞', '平', '刚', '桂英', '志强', '海燕', '文', '华', '红', '玉兰', '春梅',
  '立新', '建华', '国强', '晓东', '德明', '永生', '小红', '俊', '琳', '雪梅', '振华', '亚军', '守成',
  '家宝', '传富', '学军', '凤英', '淑珍', '晓燕', '玉梅', '长春', '先锋', '新民', '宏伟', '慧', '婷',
];

/** Capitalises the first letter: "shuanghe" → "Shuanghe". */
export function cap(py: string): string {
  return py.charAt(0).toUpperCase() + py.slice(1);
}

/** A name with its romanised stem, e.g. { zh: '王庄', py: 'wangzhuang' }. */
export interface NameStem {
  zh: string;
  py: string;
}

/** Hands out names never used before in this run, so no two places share one. */
export class NameBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  reserve(zh: string): void {
    this.used.add(zh);
  }

  private fresh(make: () => NameStem): NameStem {
    for (let tries = 0; tries < 500; tries++) {
      const n = make();
      if (!this.used.has(n.zh)) {
        this.used.add(n.zh);
        return n;
      }
    }
    throw new Error('name lists exhausted');
  }

  /** A village stem such as 王庄, 柳集, 大李郢. */
  village(): NameStem {
    const r = this.rng;
    return this.fresh(() => {
      const suffix = r.pick(VILLAGE_SUFFIXES);
      if (r.chance(0.12)) {
        const d = r.pick(DESCRIPTORS.slice(0, 6));
        const s = r.pick(SURNAMES);
        return { zh: d[0] + s[0] + suffix[0], py: d[1] + s[1] + suffix[1] };
      }
      const first = r.chance(0.65) ? r.pick(SURNAMES) : r.pick(DESCRIPTORS);
      return { zh: first[0] + suffix[0], py: first[1] + suffix[1] };
    });
  }

  /** A town stem such as 双河, 曹庙. */
  town(): NameStem {
    const r = this.rng;
    return this.fresh(() => {
      const first = r.chance(0.5) ? r.pick(SURNAMES) : r.pick(DESCRIPTORS);
      const suffix = r.pick(TOWN_SUFFIXES);
      return { zh: first[0] + suffix[0], py: first[1] + suffix[1] };
    });
  }

  /** The next unused urban community stem (东关, 鼓楼 …). */
  community(): NameStem {
    for (const [zh, py] of URBAN_COMMUNITY_NAMES) {
      if (!this.used.has(zh)) {
        this.used.add(zh);
        return { zh, py };
      }
    }
    return this.village();
  }
}

/** A bare surname syllable, e.g. for lanes named after a family (王家巷). */
export function surname(rng: Rng): NameStem {
  const [zh, py] = rng.pick(SURNAMES);
  return { zh, py };
}

/** A synthetic person's name (surname + given name); never a real person's record. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES)[0] + rng.pick(GIVEN);
}

/** An obviously fake, masked phone number: "138****0001". */
export function fakePhone(serial: number): string {
  const prefixes = ['138', '139', '150', '158', '186', '187', '133', '177'];
  return `${prefixes[serial % prefixes.length]}****${String(serial).padStart(4, '0')}`;
}

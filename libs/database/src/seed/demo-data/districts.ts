// The fictional demo city 清河市 (Qinghe City): six districts and their streets
// (街道, subdistricts) and towns (镇). Coordinates are the approximate centre of each street.
import type { DistrictSeed } from './types';

export const DEMO_DISTRICTS: DistrictSeed[] = [
  {
    // Old town in the centre of the city.
    code: 'QY',
    zh: '清源区',
    en: 'Qingyuan District',
    streets: [
      { code: 'QY.QY', zh: '清源街道', en: 'Qingyuan Subdistrict', lat: 31.3012, lng: 120.6195 },
      { code: 'QY.WM', zh: '文庙街道', en: 'Wenmiao Subdistrict', lat: 31.2946, lng: 120.6108 },
      { code: 'QY.FQ', zh: '府前街道', en: 'Fuqian Subdistrict', lat: 31.3078, lng: 120.6142 },
      { code: 'QY.ST', zh: '双塔街道', en: 'Shuangta Subdistrict', lat: 31.2968, lng: 120.6285 },
      { code: 'QY.CN', zh: '城南街道', en: 'Chengnan Subdistrict', lat: 31.2851, lng: 120.6203 },
      { code: 'QY.PJ', zh: '平桥街道', en: 'Pingqiao Subdistrict', lat: 31.3143, lng: 120.6261 },
      { code: 'QY.JX', zh: '锦绣街道', en: 'Jinxiu Subdistrict', lat: 31.3105, lng: 120.6034 },
    ],
  },
  {
    // West bank of the canal, older industry turning residential.
    code: 'HX',
    zh: '河西区',
    en: 'Hexi District',
    streets: [
      { code: 'HX.HX', zh: '河西街道', en: 'Hexi Subdistrict', lat: 31.3021, lng: 120.5612 },
      { code: 'HX.LX', zh: '柳溪街道', en: 'Liuxi Subdistrict', lat: 31.3147, lng: 120.5488 },
      { code: 'HX.HT', zh: '横塘街道', en: 'Hengtang Subdistrict', lat: 31.2873, lng: 120.5556 },
      { code: 'HX.XY', zh: '西园街道', en: 'Xiyuan Subdistrict', lat: 31.2969, lng: 120.5734 },
      { code: 'HX.JS', zh: '金山街道', en: 'Jinshan Subdistrict', lat: 31.3208, lng: 120.5661 },
      { code: 'HX.BL', zh: '白鹭镇', en: 'Bailu Town', lat: 31.2934, lng: 120.5259 },
    ],
  },
  {
    // Riverside district to the east, port and new residential areas.
    code: 'BJ',
    zh: '滨江区',
    en: 'Binjiang District',
    streets: [
      { code: 'BJ.BJ', zh: '滨江街道', en: 'Binjiang Subdistrict', lat: 31.3198, lng: 120.7352 },
      { code: 'BJ.DG', zh: '东港街道', en: 'Donggang Subdistrict', lat: 31.3326, lng: 120.7581 },
      { code: 'BJ.WJ', zh: '望江街道', en: 'Wangjiang Subdistrict', lat: 31.3087, lng: 120.7473 },
      { code: 'BJ.SZ', zh: '沙洲街道', en: 'Shazhou Subdistrict', lat: 31.3254, lng: 120.7194 },
      { code: 'BJ.JW', zh: '江湾街道', en: 'Jiangwan Subdistrict', lat: 31.2992, lng: 120.7309 },
      { code: 'BJ.HZ', zh: '鹤洲镇', en: 'Hezhou Town', lat: 31.3418, lng: 120.7726 },
      { code: 'BJ.XG', zh: '新港镇', en: 'Xingang Town', lat: 31.3469, lng: 120.7468 },
    ],
  },
  {
    // High-tech development zone to the south-east (a 管委会 runs it like a district).
    code: 'GX',
    zh: '高新区',
    en: 'Gaoxin District',
    streets: [
      { code: 'GX.KJC', zh: '科技城街道', en: 'Kejicheng Subdistrict', lat: 31.2718, lng: 120.6935 },
      { code: 'GX.SS', zh: '狮山街道', en: 'Shishan Subdistrict', lat: 31.2806, lng: 120.6782 },
      { code: 'GX.HP', zh: '湖畔街道', en: 'Hupan Subdistrict', lat: 31.2627, lng: 120.7063 },
      { code: 'GX.XH', zh: '星海街道', en: 'Xinghai Subdistrict', lat: 31.2849, lng: 120.7018 },
      { code: 'GX.YG', zh: '云谷街道', en: 'Yungu Subdistrict', lat: 31.2569, lng: 120.6874 },
    ],
  },
  {
    // Lake district to the north, suburban towns.
    code: 'BH',
    zh: '北湖区',
    en: 'Beihu District',
    streets: [
      { code: 'BH.BH', zh: '北湖街道', en: 'Beihu Subdistrict', lat: 31.3721, lng: 120.6392 },
      { code: 'BH.HB', zh: '湖滨街道', en: 'Hubin Subdistrict', lat: 31.3836, lng: 120.6247 },
      { code: 'BH.YH', zh: '元和街道', en: 'Yuanhe Subdistrict', lat: 31.3648, lng: 120.6531 },
      { code: 'BH.LT', zh: '莲塘街道', en: 'Liantang Subdistrict', lat: 31.3557, lng: 120.6318 },
      { code: 'BH.HQ', zh: '黄桥镇', en: 'Huangqiao Town', lat: 31.3914, lng: 120.6056 },
      { code: 'BH.WEI', zh: '渭塘镇', en: 'Weitang Town', lat: 31.3952, lng: 120.6614 },
      { code: 'BH.WANG', zh: '望亭镇', en: 'Wangting Town', lat: 31.3889, lng: 120.5831 },
    ],
  },
  {
    // Hills and lakeshore to the south-west.
    code: 'NS',
    zh: '南山区',
    en: 'Nanshan District',
    streets: [
      { code: 'NS.NS', zh: '南山街道', en: 'Nanshan Subdistrict', lat: 31.2274, lng: 120.5983 },
      { code: 'NS.SH', zh: '石湖街道', en: 'Shihu Subdistrict', lat: 31.2398, lng: 120.6046 },
      { code: 'NS.YX', zh: '越溪街道', en: 'Yuexi Subdistrict', lat: 31.2181, lng: 120.6127 },
      { code: 'NS.CQ', zh: '长桥街道', en: 'Changqiao Subdistrict', lat: 31.2462, lng: 120.6195 },
      { code: 'NS.MD', zh: '木渎镇', en: 'Mudu Town', lat: 31.2356, lng: 120.5608 },
      { code: 'NS.DS', zh: '东山镇', en: 'Dongshan Town', lat: 31.2063, lng: 120.5417 },
      { code: 'NS.GF', zh: '光福镇', en: 'Guangfu Town', lat: 31.2485, lng: 120.5232 },
      { code: 'NS.XS', zh: '香山街道', en: 'Xiangshan Subdistrict', lat: 31.2217, lng: 120.5795 },
    ],
  },
];

// Bureaus (承办单位) that receive dispatched cases in the demo city 清河市.
import type { BureauSeed } from './types';

export const DEMO_BUREAUS: BureauSeed[] = [
  // Municipal bureaus
  { code: 'CGJ', zh: '市城市管理局', en: 'Municipal Urban Management Bureau', kind: 'municipal' },
  {
    code: 'ZJJ',
    zh: '市住房和城乡建设局',
    en: 'Municipal Housing and Urban-Rural Development Bureau',
    kind: 'municipal',
  },
  { code: 'JTJ', zh: '市交通运输局', en: 'Municipal Transport Bureau', kind: 'municipal' },
  { code: 'STJ', zh: '市生态环境局', en: 'Municipal Ecology and Environment Bureau', kind: 'municipal' },
  { code: 'SCJ', zh: '市市场监督管理局', en: 'Municipal Market Regulation Administration', kind: 'municipal' },
  {
    code: 'RSJ',
    zh: '市人力资源和社会保障局',
    en: 'Municipal Human Resources and Social Security Bureau',
    kind: 'municipal',
  },
  { code: 'JYJ', zh: '市教育局', en: 'Municipal Education Bureau', kind: 'municipal' },
  { code: 'WJW', zh: '市卫生健康委员会', en: 'Municipal Health Commission', kind: 'municipal' },
  { code: 'GAJ', zh: '市公安局', en: 'Municipal Public Security Bureau', kind: 'municipal' },
  { code: 'JJZD', zh: '市公安局交通警察支队', en: 'Municipal Traffic Police Detachment', kind: 'municipal' },
  { code: 'XFZD', zh: '市消防救援支队', en: 'Municipal Fire and Rescue Detachment', kind: 'municipal' },
  { code: 'MZJ', zh: '市民政局', en: 'Municipal Civil Affairs Bureau', kind: 'municipal' },
  { code: 'NYJ', zh: '市农业农村局', en: 'Municipal Agriculture and Rural Affairs Bureau', kind: 'municipal' },
  { code: 'WLJ', zh: '市文化广电和旅游局', en: 'Municipal Culture, Radio, TV and Tourism Bureau', kind: 'municipal' },
  { code: 'TYJ', zh: '市体育局', en: 'Municipal Sports Bureau', kind: 'municipal' },
  { code: 'ZRJ', zh: '市自然资源和规划局', en: 'Municipal Natural Resources and Planning Bureau', kind: 'municipal' },
  { code: 'YJJ', zh: '市应急管理局', en: 'Municipal Emergency Management Bureau', kind: 'municipal' },
  { code: 'SWJ', zh: '市水务局', en: 'Municipal Water Affairs Bureau', kind: 'municipal' },
  { code: 'YLJ', zh: '市园林和绿化局', en: 'Municipal Parks and Greenery Bureau', kind: 'municipal' },
  { code: 'ZWB', zh: '市政务服务管理办公室', en: 'Municipal Government Services Office', kind: 'municipal' },
  { code: 'YBJ', zh: '市医疗保障局', en: 'Municipal Healthcare Security Bureau', kind: 'municipal' },
  { code: 'SWUJ', zh: '市商务局', en: 'Municipal Commerce Bureau', kind: 'municipal' },

  // Utilities and public service companies
  { code: 'WATER', zh: '市自来水公司', en: 'Qinghe Water Supply Company', kind: 'utility' },
  { code: 'POWER', zh: '国网清河供电公司', en: 'State Grid Qinghe Power Supply Company', kind: 'utility' },
  { code: 'GAS', zh: '清河燃气集团', en: 'Qinghe Gas Group', kind: 'utility' },
  { code: 'HEAT', zh: '市热力公司', en: 'Qinghe Heating Company', kind: 'utility' },
  { code: 'BUS', zh: '清河公交集团', en: 'Qinghe Bus Group', kind: 'utility' },
  { code: 'METRO', zh: '清河轨道交通集团', en: 'Qinghe Metro Group', kind: 'utility' },

  // District-level units (for district-specific catalogue rules)
  {
    code: 'QY-CGJ',
    zh: '清源区城市管理综合行政执法局',
    en: 'Qingyuan District Urban Management Enforcement Bureau',
    kind: 'district',
  },
  {
    code: 'HX-CGJ',
    zh: '河西区城市管理综合行政执法局',
    en: 'Hexi District Urban Management Enforcement Bureau',
    kind: 'district',
  },
  {
    code: 'NS-CGJ',
    zh: '南山区城市管理综合行政执法局',
    en: 'Nanshan District Urban Management Enforcement Bureau',
    kind: 'district',
  },
  { code: 'BJ-GOV', zh: '滨江区人民政府', en: "Binjiang District People's Government", kind: 'district' },
  { code: 'GX-GWH', zh: '高新区管理委员会', en: 'Gaoxin District Administrative Committee', kind: 'district' },
  {
    code: 'BH-ZJJ',
    zh: '北湖区住房和城乡建设局',
    en: 'Beihu District Housing and Construction Bureau',
    kind: 'district',
  },

  // Street-level units
  { code: 'QY-STJD', zh: '清源区双塔街道办事处', en: 'Shuangta Subdistrict Office, Qingyuan District', kind: 'street' },
  { code: 'BH-HBJD', zh: '北湖区湖滨街道办事处', en: 'Hubin Subdistrict Office, Beihu District', kind: 'street' },
];

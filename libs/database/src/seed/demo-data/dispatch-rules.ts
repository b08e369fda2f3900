// Demo dispatch catalogue rules (派单目录): category (+ district / street / keyword) → lead
// bureau (+ assisting bureaus). The most specific applicable rule wins: keyword, then street,
// then district, then the deeper category.
//
// Deliberately ownerless (no rule on the leaf or any ancestor), so that demo cases about them
// land in the manual dispatch queue and in the service-gap analysis:
//   城市管理 → 新业态 (CM.XYT: shared bikes, deposits, parcel lockers, outdoor livestreams)
//   公用事业 → 通信   (GY.TX: mobile signal, broadband, tangled overhead cables)
// That is also why 城市管理 and 公用事业 are mapped per mid-level class, not at the top.
import type { DispatchRuleSeed } from './types';

export const DEMO_DISPATCH_RULES: DispatchRuleSeed[] = [
  // 城市管理
  { category: 'CM.SR', lead: 'CGJ' },
  { category: 'CM.HW', lead: 'CGJ' },
  { category: 'CM.HW.ZTSL', lead: 'CGJ', assisting: ['JJZD'] },
  { category: 'CM.SZ', lead: 'CGJ' },
  { category: 'CM.SZ.PSDS', lead: 'SWJ' },
  { category: 'CM.SZ.JSNL', lead: 'SWJ', assisting: ['CGJ'] },
  { category: 'CM.YL', lead: 'YLJ' },
  { category: 'CM.WJ', lead: 'CGJ', assisting: ['ZRJ'] },
  // 城市管理: district enforcement bureaus take street-level appearance problems
  { category: 'CM.SR', district: 'HX', lead: 'HX-CGJ' },
  { category: 'CM.SR', district: 'NS', lead: 'NS-CGJ' },
  { category: 'CM.SR.ZDJY', district: 'QY', lead: 'QY-CGJ' },
  { category: 'CM.SR.LTSK', district: 'QY', lead: 'QY-CGJ' },
  { category: 'CM.SR.ZDJY', district: 'QY', street: 'QY.ST', lead: 'QY-STJD', assisting: ['QY-CGJ'] },
  { category: 'CM.HW', district: 'GX', lead: 'GX-GWH' },
  { category: 'CM.WJ', district: 'BJ', lead: 'BJ-GOV', assisting: ['CGJ'] },
  { category: 'CM.WJ', district: 'GX', lead: 'GX-GWH' },
  { category: 'CM.WJ', district: 'QY', lead: 'QY-CGJ' },

  // 公用事业 (通信 deliberately left out)
  { category: 'GY.GS', lead: 'WATER' },
  { category: 'GY.GS.SZYC', lead: 'WATER', assisting: ['WJW'] },
  { category: 'GY.GD', lead: 'POWER' },
  { category: 'GY.RQ', lead: 'GAS' },
  { category: 'GY.RQ.RQXL', lead: 'GAS', assisting: ['YJJ'] },
  { category: 'GY.GR', lead: 'HEAT' },

  // 住房保障
  { category: 'ZF', lead: 'ZJJ' },
  { category: 'ZF.WY.DTGZ', lead: 'ZJJ', assisting: ['SCJ'] },
  { category: 'ZF.FC.BZ', lead: 'ZRJ', assisting: ['ZJJ'] },
  { category: 'ZF', keyword: '燃气', lead: 'GAS' },
  { category: 'ZF.WY', keyword: '停水', lead: 'WATER' },
  { category: 'ZF.WY', keyword: '停电', lead: 'POWER' },
  { category: 'ZF.WY', district: 'BH', lead: 'BH-ZJJ' },
  { category: 'ZF.WY', district: 'BH', street: 'BH.HB', lead: 'BH-HBJD', assisting: ['BH-ZJJ'] },
  { category: 'ZF.BZ.LJXQ', district: 'BH', lead: 'BH-ZJJ' },

  // 交通出行
  { category: 'JT', lead: 'JTJ' },
  { category: 'JT.GJ.XLTZ', lead: 'JTJ', assisting: ['BUS'] },
  { category: 'JT.GJ.BCJG', lead: 'BUS' },
  { category: 'JT.GJ.SJFW', lead: 'BUS' },
  { category: 'JT.GJ.GJK', lead: 'BUS' },
  { category: 'JT.GD', lead: 'METRO' },
  { category: 'JT.GD.XLGH', lead: 'ZRJ', assisting: ['METRO'] },
  { category: 'JT.DL.XHD', lead: 'JJZD' },
  { category: 'JT.DL.BZBX', lead: 'JJZD', assisting: ['JTJ'] },
  { category: 'JT.DL.DLYD', lead: 'JJZD' },
  { category: 'JT.DL.TCSF', lead: 'SCJ' },

  // 生态环境
  { category: 'ST', lead: 'STJ' },
  { category: 'ST.ZS.SGZS', lead: 'CGJ', assisting: ['ZJJ'] },
  { category: 'ST.ZS.SGZS', district: 'QY', lead: 'QY-CGJ' },
  { category: 'ST.ZS.SHZS', lead: 'GAJ' },
  { category: 'ST.ZS.JTZS', lead: 'JJZD', assisting: ['STJ'] },
  { category: 'ST.ZS', keyword: '地铁', lead: 'METRO', assisting: ['STJ'] },
  { category: 'ST.DQ.YC', lead: 'ZJJ', assisting: ['STJ'] },
  { category: 'ST.DQ.CYYY', lead: 'CGJ' },
  { category: 'ST.DQ.LTFS', lead: 'CGJ' },
  { category: 'ST.SW.HDWR', lead: 'SWJ', assisting: ['STJ'] },
  { category: 'ST.SW.HCST', lead: 'SWJ' },

  // 市场监管 and 消费维权
  { category: 'SC', lead: 'SCJ' },
  { category: 'SC.SP', keyword: '校园', lead: 'SCJ', assisting: ['JYJ'] },
  { category: 'XF', lead: 'SCJ' },
  { category: 'XF.FW.YFK', lead: 'SCJ', assisting: ['SWUJ'] },
  { category: 'XF.FW.JSPX', lead: 'SCJ', assisting: ['TYJ'] },
  { category: 'XF.FW.QCXF', lead: 'SCJ', assisting: ['JTJ'] },
  { category: 'XF.FW.JZJZ', lead: 'SWUJ', assisting: ['SCJ'] },

  // 人力社保
  { category: 'RS', lead: 'RSJ' },
  { category: 'RS.LD.TQGZ', keyword: '工地', lead: 'RSJ', assisting: ['ZJJ'] },
  { category: 'RS.LD.TQGZ', keyword: '农民工', lead: 'RSJ', assisting: ['ZJJ'] },

  // 教育
  { category: 'JY', lead: 'JYJ' },

  // 卫生健康
  { category: 'WS', lead: 'WJW' },
  { category: 'WS.YB', lead: 'YBJ' },
  { category: 'WS.YL.YYSF', lead: 'YBJ', assisting: ['WJW'] },
  { category: 'WS.GW.BMFZ', lead: 'WJW', assisting: ['CGJ'] },

  // 公共安全 and 户籍证照
  { category: 'GA', lead: 'GAJ' },
  { category: 'GA.JJ', lead: 'JJZD' },
  { category: 'GA.XF', lead: 'XFZD' },
  { category: 'GA.XF.FXCD', lead: 'XFZD', assisting: ['ZJJ'] },
  { category: 'GA.XF.XFTD', district: 'GX', lead: 'GX-GWH', assisting: ['XFZD'] },
  { category: 'GA.ZA.GKPW', lead: 'GAJ', assisting: ['ZJJ'] },
  { category: 'HJ', lead: 'GAJ' },

  // 民政
  { category: 'MZ', lead: 'MZJ' },

  // 农业农村
  { category: 'NY', lead: 'NYJ' },
  { category: 'NY.XC.ZJD', lead: 'NYJ', assisting: ['ZRJ'] },
  { category: 'NY.XC.NCGL', lead: 'JTJ' },
  { category: 'NY.XC.RJHJ', lead: 'NYJ', assisting: ['CGJ'] },
  { category: 'NY.XM.YZWR', lead: 'STJ', assisting: ['NYJ'] },

  // 文化旅游
  { category: 'WL', lead: 'WLJ' },
  { category: 'WL.GG.JSSS', lead: 'TYJ' },

  // 政务服务
  { category: 'ZW', lead: 'ZWB' },

  // 自然资源和规划
  { category: 'ZY', lead: 'ZRJ' },
  { category: 'ZY.TD.DZZH', lead: 'ZRJ', assisting: ['YJJ'] },
  { category: 'ZY.TD.WFZD', district: 'BJ', lead: 'BJ-GOV', assisting: ['ZRJ'] },

  // 应急管理
  { category: 'YJ', lead: 'YJJ' },
  { category: 'YJ.AQ.YHBZ', lead: 'YJJ', assisting: ['GAJ'] },
  { category: 'YJ.ZH.FXFT', lead: 'SWJ', assisting: ['YJJ'] },
];

// Demo accounts. Every account uses DEMO_PASSWORD; change it before any real use.
import type { UserSeed } from './types';

export const DEMO_PASSWORD = 'Hotline#2026';

export const DEMO_USERS: UserSeed[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },

  // Hotline supervisors (督办)
  { username: 'sup01', displayName: '周海燕', role: 'supervisor' },
  { username: 'sup02', displayName: '郑国强', role: 'supervisor' },

  // Hotline agents (话务员)
  { username: 'agent01', displayName: '李晓雯', role: 'agent' },
  { username: 'agent02', displayName: '王浩然', role: 'agent' },
  { username: 'agent03', displayName: '陈静怡', role: 'agent' },

  // Bureau handlers (承办人)
  { username: 'h.cgj', displayName: '张志刚（市城管局）', role: 'handler', bureau: 'CGJ' },
  { username: 'h.zjj', displayName: '刘建华（市住建局）', role: 'handler', bureau: 'ZJJ' },
  { username: 'h.water', displayName: '孙立新（市自来水公司）', role: 'handler', bureau: 'WATER' },
  { username: 'h.power', displayName: '赵明（国网清河供电公司）', role: 'handler', bureau: 'POWER' },
  { username: 'h.gas', displayName: '吴芳（清河燃气集团）', role: 'handler', bureau: 'GAS' },
  { username: 'h.scj', displayName: '黄丽娟（市市场监管局）', role: 'handler', bureau: 'SCJ' },
  { username: 'h.rsj', displayName: '徐伟（市人社局）', role: 'handler', bureau: 'RSJ' },
  { username: 'h.jtj', displayName: '马骏（市交通运输局）', role: 'handler', bureau: 'JTJ' },
  { username: 'h.qy-cgj', displayName: '杨帆（清源区城管执法局）', role: 'handler', bureau: 'QY-CGJ' },
  { username: 'h.qy-stjd', displayName: '朱敏（双塔街道）', role: 'handler', bureau: 'QY-STJD' },
];

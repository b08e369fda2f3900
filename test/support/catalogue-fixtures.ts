import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { http } from './test-app';

interface TreeNode {
  id: number;
  code: string;
  children: TreeNode[];
}

export interface CatalogueIds {
  category: (code: string) => number;
  district: (code: string) => number;
  street: (code: string) => number;
  bureau: (code: string) => number;
}

/** Ids of the seeded catalogue by their stable codes, read through the public API. */
export async function catalogueIds(app: NestFastifyApplication, staffToken: string): Promise<CatalogueIds> {
  const [tree, districts, bureaus] = await Promise.all([
    http(app).get('/api/categories'),
    http(app).get('/api/districts'),
    http(app).get('/api/bureaus').set('Authorization', `Bearer ${staffToken}`),
  ]);
  const categories = new Map<string, number>();
  const walk = (nodes: TreeNode[]) =>
    nodes.forEach((n) => {
      categories.set(n.code, n.id);
      walk(n.children);
    });
  walk(tree.body as TreeNode[]);
  const d = new Map<string, number>();
  const s = new Map<string, number>();
  for (const district of districts.body as { id: number; code: string; streets: { id: number; code: string }[] }[]) {
    d.set(district.code, district.id);
    for (const street of district.streets) s.set(street.code, street.id);
  }
  const b = new Map((bureaus.body as { id: number; code: string }[]).map((x) => [x.code, x.id]));
  const pick = (m: Map<string, number>, what: string) => (code: string) => {
    const id = m.get(code);
    if (id === undefined) throw new Error(`no seeded ${what} ${code}`);
    return id;
  };
  return {
    category: pick(categories, 'category'),
    district: pick(d, 'district'),
    street: pick(s, 'street'),
    bureau: pick(b, 'bureau'),
  };
}

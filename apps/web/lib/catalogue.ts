'use client';

import { useEffect, useState } from 'react';
import { api } from './api';
import type { CategoryNode, District, Named } from './api-types';

// Reference data changes rarely: load each list once per page load and share it.
const cache = new Map<string, Promise<unknown>>();
function once<T>(path: string, isPublic = false): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api<T>(path, { public: isPublic });
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

function useOnce<T>(path: string, isPublic: boolean, fallback: T): T {
  const [data, setData] = useState<T>(fallback);
  useEffect(() => {
    let live = true;
    once<T>(path, isPublic)
      .then((d) => live && setData(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [path, isPublic]);
  return data;
}

const EMPTY: never[] = [];
export const useBureaus = () => useOnce<Named[]>('/bureaus', false, EMPTY);
export const useDistricts = () => useOnce<District[]>('/districts', true, EMPTY);
export const useCategoryTree = () => useOnce<CategoryNode[]>('/categories', true, EMPTY);

/** id → node for every level of the tree. */
export function flattenTree(tree: CategoryNode[]): Map<number, CategoryNode & { parentId: number | null }> {
  const out = new Map<number, CategoryNode & { parentId: number | null }>();
  const walk = (nodes: CategoryNode[], parentId: number | null) => {
    for (const n of nodes) {
      out.set(n.id, { ...n, parentId });
      walk(n.children ?? [], n.id);
    }
  };
  walk(tree, null);
  return out;
}

export function byId<T extends { id: number }>(list: T[]): Map<number, T> {
  return new Map(list.map((x) => [x.id, x]));
}

'use client';

import { useEffect, useState } from 'react';
import { client, ok, publicClient } from './api';
import type { CategoryNode, District, Named } from './api-types';

// Reference data changes rarely: load each list once per page load and share it.
const cache = new Map<() => Promise<unknown>, Promise<unknown>>();
function once<T>(load: () => Promise<T>): Promise<T> {
  let p = cache.get(load) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => cache.delete(load));
    cache.set(load, p);
  }
  return p;
}

function useOnce<T>(load: () => Promise<T>, fallback: T): T {
  const [data, setData] = useState<T>(fallback);
  useEffect(() => {
    let live = true;
    once(load)
      .then((d) => live && setData(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return data;
}

// The citizen's pages read districts and categories too, so those two are public calls.
const loadBureaus = (): Promise<Named[]> => ok(client.GET('/api/bureaus'));
const loadDistricts = (): Promise<District[]> => ok(publicClient.GET('/api/districts'));
const loadCategoryTree = (): Promise<CategoryNode[]> => ok(publicClient.GET('/api/categories'));

const EMPTY: never[] = [];
export const useBureaus = () => useOnce(loadBureaus, EMPTY);
export const useDistricts = () => useOnce(loadDistricts, EMPTY);
export const useCategoryTree = () => useOnce(loadCategoryTree, EMPTY);

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

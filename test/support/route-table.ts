import type { INestApplication } from '@nestjs/common';
import { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../../apps/api/src/common/access.decorator';
import { RATE_LIMIT_KEY } from '../../apps/api/src/common/rate-limit.decorator';

// Literal values of Nest's PATH_METADATA, METHOD_METADATA and RequestMethod, so this file
// does not depend on Nest's internal module layout.
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'] as const;

export interface RouteEntry {
  method: (typeof METHODS)[number];
  /** Full path with the global prefix, Nest style (`/api/cases/:id`). */
  path: string;
  controller: string;
  handler: string;
  access: AccessRule | undefined;
  /** Whether a @RateLimit applies (on the handler or its controller). */
  rateLimited: boolean;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route Nest registered, read from controller metadata the same way Nest's router does,
 * with the access declaration the AccessGuard will look up (handler first, then class).
 */
export function routeTable(app: INestApplication): RouteEntry[] {
  const config = app.get(ApplicationConfig);
  const globalPrefix = config.getGlobalPrefix();
  // Routes excluded from the prefix (Open311 lives at /open311/v2) are matched as Nest does.
  const excluded = (config.getGlobalPrefixOptions().exclude ?? []) as unknown as {
    pathRegex: RegExp;
    requestMethod: number;
  }[];
  const prefixFor = (path: string, method: number) =>
    excluded.some(
      (e) => (e.requestMethod === 5 || e.requestMethod === -1 || e.requestMethod === method) && e.pathRegex.test(path),
    )
      ? ''
      : globalPrefix;
  const routes: RouteEntry[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!ctrl?.prototype) continue;
      const ctrlPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '/');
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        const fn = proto[name];
        if (typeof fn !== 'function') continue;
        const methodIndex = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
        const handlerPaths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (methodIndex === undefined || handlerPaths === undefined) continue;
        const access = (Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, ctrl)) as
          AccessRule | undefined;
        for (const cp of ctrlPaths) {
          for (const hp of ([] as string[]).concat(handlerPaths)) {
            routes.push({
              method: METHODS[methodIndex] ?? 'GET',
              path: join(prefixFor(join(cp, hp), methodIndex), cp, hp),
              controller: ctrl.name,
              handler: name,
              access,
              rateLimited: Boolean(
                Reflect.getMetadata(RATE_LIMIT_KEY, fn) ?? Reflect.getMetadata(RATE_LIMIT_KEY, ctrl),
              ),
            });
          }
        }
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: every parameter gets a harmless value. */
export function concreteUrl(path: string): string {
  return path
    .replace(/\*\w*/g, 'probe')
    .replace(/:format\b/g, 'json')
    .replace(/:(\w+)/g, (_, name: string) => (/id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'probe1'));
}

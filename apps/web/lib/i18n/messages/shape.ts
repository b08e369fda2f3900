/**
 * The English dictionary's type: the Chinese one's keys with string values. Each feature file
 * types its English half by it, so tsc refuses a key that one language has and the other lacks.
 */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** One label per value of an enum (`satisfies Labels<CaseStatus>`): a new value needs its words. */
export type Labels<K extends string> = Record<K, string>;

import type { CategoryAttribute } from '@hotline/database';
import { checkAttributes, nearestStreet, open311Status, requestWindow, streetNamedIn } from './open311-rules';

const streets = [
  {
    id: 1,
    districtId: 10,
    code: 'QY.QY',
    nameZh: '清源街道',
    nameEn: 'Qingyuan Subdistrict',
    lat: 31.3012,
    lng: 120.6195,
  },
  {
    id: 2,
    districtId: 10,
    code: 'QY.ST',
    nameZh: '双塔街道',
    nameEn: 'Shuangta Subdistrict',
    lat: 31.2968,
    lng: 120.6285,
  },
  { id: 3, districtId: 20, code: 'HX.BL', nameZh: '白鹭镇', nameEn: 'Bailu Town', lat: 31.2934, lng: 120.5259 },
];

describe('open311 rules', () => {
  it('maps replied and closed cases to closed, everything else to open', () => {
    expect(open311Status('closed')).toBe('closed');
    expect(open311Status('awaiting_follow_up')).toBe('closed');
    for (const s of ['registered', 'awaiting_dispatch', 'dispatched', 'return_review', 'in_progress']) {
      expect(open311Status(s)).toBe('open');
    }
  });

  it('defaults to the last 90 days and refuses longer or inverted windows', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(requestWindow(undefined, undefined, now)).toEqual({ from: new Date('2026-08-27T00:00:00Z'), to: now });
    expect(requestWindow('2026-01-01T00:00:00+08:00', '2026-03-31T00:00:00+08:00', now)).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-03-30T16:00:00Z'),
    });
    expect(requestWindow('2026-01-01T00:00:00Z', '2026-04-02T00:00:00Z', now)).toHaveProperty('error');
    expect(requestWindow('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z', now)).toHaveProperty('error');
    expect(requestWindow('2026-01-01T00:00:00Z', undefined, now)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
  });

  it('finds the nearest street, and nothing far outside the city', () => {
    expect(nearestStreet(streets, 31.297, 120.628)?.code).toBe('QY.ST');
    expect(nearestStreet(streets, 31.29, 120.52)?.code).toBe('HX.BL');
    expect(nearestStreet(streets, 39.9, 116.4)).toBeNull();
  });

  it('recognises a street named in an address, in Chinese or English', () => {
    expect(streetNamedIn(streets, '双塔街道人民路12号')?.code).toBe('QY.ST');
    expect(streetNamedIn(streets, '12 Renmin Rd, Bailu, Hexi')?.code).toBe('HX.BL');
    expect(streetNamedIn(streets, 'somewhere else')).toBeNull();
  });

  const questions: CategoryAttribute[] = [
    {
      code: 'kind',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      descriptionZh: '类型',
      descriptionEn: 'Kind',
      values: [
        { key: 'a', nameZh: 'A', nameEn: 'A' },
        { key: 'b', nameZh: 'B', nameEn: 'B' },
      ],
    },
    {
      code: 'when',
      datatype: 'multivaluelist',
      required: false,
      order: 2,
      descriptionZh: '时段',
      descriptionEn: 'When',
      values: [
        { key: 'am', nameZh: '上午', nameEn: 'AM' },
        { key: 'pm', nameZh: '下午', nameEn: 'PM' },
      ],
    },
    { code: 'count', datatype: 'number', required: false, order: 3, descriptionZh: '数量', descriptionEn: 'Count' },
  ];

  it('accepts well-formed answers and types them', () => {
    expect(checkAttributes(questions, { kind: ['a'], when: ['am', 'pm', 'am'], count: ['3'] })).toEqual({
      values: { kind: 'a', when: ['am', 'pm'], count: 3 },
    });
  });

  it('names every problem with the answers', () => {
    const result = checkAttributes(questions, { when: ['night'], count: ['many'], colour: ['red'] });
    expect(result).toEqual({
      errors: [
        'attribute[colour] is not a question of this service',
        'attribute[kind] is required (Kind)',
        'attribute[when] values must be among: am, pm',
        'attribute[count] must be a number',
      ],
    });
    expect(checkAttributes(questions, { kind: ['a', 'b'] })).toEqual({ errors: ['attribute[kind] takes one value'] });
  });
});

import { XMLParser } from 'fast-xml-parser';
import { formatOfPath, isoCityTime, languageOf, renderXml, splitFormat } from './open311-format';

describe('open311 format helpers', () => {
  it('reads the format from the last suffix of the path only', () => {
    expect(formatOfPath('/open311/v2/services.xml')).toBe('xml');
    expect(formatOfPath('/open311/v2/services/CM.SR.ZDJY.JSON?x=a.xml')).toBe('json');
    expect(formatOfPath('/open311/v2/services.csv')).toBeNull();
    expect(formatOfPath('/open311/v2/services')).toBeNull();
  });

  it('splits codes with dots at the last dot', () => {
    expect(splitFormat('CM.SR.ZDJY.json')).toEqual({ id: 'CM.SR.ZDJY', format: 'json' });
    expect(splitFormat('noformat')).toEqual({ id: 'noformat', format: '' });
  });

  it('writes times in China Standard Time with the offset', () => {
    expect(isoCityTime(new Date('2026-11-25T03:30:05.123Z'))).toBe('2026-11-25T11:30:05+08:00');
    expect(isoCityTime(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
  });

  it('prefers Chinese unless English ranks higher', () => {
    expect(languageOf(undefined)).toBe('zh');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOf('fr, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(languageOf('fr')).toBe('zh');
  });

  it('renders nested lists with the spec element names, escaping text and null as empty', () => {
    const xml = renderXml({
      root: 'service_definition',
      body: {
        service_code: 'A&B',
        attributes: [{ code: 'x', required: true, datatype_description: null, values: [{ key: 'k', name: '<n>' }] }],
      },
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><service_definition>')).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(parsed.service_definition.service_code).toBe('A&B');
    expect(parsed.service_definition.attributes.attribute.values.value).toEqual({ key: 'k', name: '<n>' });
    expect(parsed.service_definition.attributes.attribute.datatype_description).toBe('');
    expect(renderXml({ root: 'services', item: 'service', body: [] })).toContain('<services></services>');
  });
});

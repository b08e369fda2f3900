// Shapes of the demo seed data (pure data; see the sibling modules for the values).

export interface CategoryAttributeSeed {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  order: number;
  descriptionZh: string;
  descriptionEn: string;
  values?: { key: string; nameZh: string; nameEn: string }[];
}

export interface CategorySeed {
  code: string;
  zh: string;
  en: string;
  keywords?: string[];
  /** reply-time class for the deadline policy */
  deadlineClass?: 'utility' | 'complex';
  attributes?: CategoryAttributeSeed[];
  children?: CategorySeed[];
}

export interface StreetSeed {
  code: string;
  zh: string;
  en: string;
  lat: number;
  lng: number;
}

export interface DistrictSeed {
  code: string;
  zh: string;
  en: string;
  streets: StreetSeed[];
}

export interface BureauSeed {
  code: string;
  zh: string;
  en: string;
  kind: 'municipal' | 'district' | 'utility' | 'street';
}

export interface DispatchRuleSeed {
  category: string /* category code, any level */;
  district?: string;
  street?: string;
  keyword?: string;
  lead: string /* bureau code */;
  assisting?: string[];
}

export interface UserSeed {
  username: string;
  displayName: string;
  role: 'agent' | 'handler' | 'supervisor' | 'admin';
  bureau?: string /* bureau code, handlers only */;
}

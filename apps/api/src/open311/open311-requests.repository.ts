import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What GET /requests shows of a case: no caller name, phone or e-mail is ever selected. */
export interface PublicCaseRow {
  id: string;
  trackingNumber: string;
  status: string;
  publicReply: string | null;
  directAnswer: string | null;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  replyDueAt: Date | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  mediaUrl: string | null;
  categoryCode: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  bureauZh: string | null;
  bureauEn: string | null;
  streetCode: string | null;
  streetZh: string | null;
  streetEn: string | null;
  districtZh: string | null;
  districtEn: string | null;
}

export interface PublicCaseFilter {
  trackingNumbers?: string[];
  categoryCodes?: string[];
  from?: Date;
  to?: Date;
  /** Case statuses to include; undefined = all. */
  statuses?: string[];
  /** Intake channels to include; undefined = all (see open311ReadScope). */
  channels?: readonly string[];
  limit: number;
  offset: number;
}

const SELECT = `
  SELECT c.id, c.tracking_number AS "trackingNumber", c.status, c.public_reply AS "publicReply",
         c.direct_answer AS "directAnswer", c.description, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         c.reply_due_at AS "replyDueAt", c.address, c.lat, c.lng, c.media_url AS "mediaUrl",
         cat.code AS "categoryCode", cat.name_zh AS "categoryZh", cat.name_en AS "categoryEn",
         b.name_zh AS "bureauZh", b.name_en AS "bureauEn",
         s.code AS "streetCode", s.name_zh AS "streetZh", s.name_en AS "streetEn",
         d.name_zh AS "districtZh", d.name_en AS "districtEn"
    FROM cases c
    LEFT JOIN categories cat ON cat.id = c.category_id
    LEFT JOIN bureaus b ON b.id = c.lead_bureau_id
    LEFT JOIN streets s ON s.id = c.street_id
    LEFT JOIN districts d ON d.id = c.district_id
   WHERE NOT c.confidential`;

/** Read side of Open311: public projections of cases, confidential ones never included. */
@Injectable()
export class Open311RequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** service_request_id overrides every other filter, as the spec says. */
  findPublic(filter: PublicCaseFilter): Promise<PublicCaseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.channels) add('c.channel = ANY(?)', filter.channels);
    if (filter.trackingNumbers) {
      add('c.tracking_number = ANY(?)', filter.trackingNumbers);
    } else {
      if (filter.categoryCodes) add('cat.code = ANY(?)', filter.categoryCodes);
      if (filter.from) add('c.created_at >= ?', filter.from);
      if (filter.to) add('c.created_at <= ?', filter.to);
      if (filter.statuses) add('c.status = ANY(?)', filter.statuses);
    }
    params.push(filter.limit, filter.offset);
    const sql = `${SELECT} ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY c.created_at DESC, c.id LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return this.dataSource.query(sql, params);
  }

  async findPublicByTrackingNumber(
    trackingNumber: string,
    channels: readonly string[] | undefined,
  ): Promise<PublicCaseRow | null> {
    const rows: PublicCaseRow[] = await this.dataSource.query(
      `${SELECT} AND c.tracking_number = $1 AND ($2::text[] IS NULL OR c.channel = ANY($2))`,
      [trackingNumber, channels ?? null],
    );
    return rows[0] ?? null;
  }

  /** Tokens are the ids of cases that came in through Open311. */
  async findTrackingNumberByToken(token: string): Promise<string | null> {
    const rows: { trackingNumber: string }[] = await this.dataSource.query(
      `SELECT tracking_number AS "trackingNumber" FROM cases WHERE id = $1 AND channel = 'open311'`,
      [token],
    );
    return rows[0]?.trackingNumber ?? null;
  }
}

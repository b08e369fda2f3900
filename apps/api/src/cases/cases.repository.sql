-- NOTE: This file is generated from apps/api/src/cases/cases.repository.ts (INTAKE_STATEMENT).
-- Regenerate: SYNC_SQL=1 node --experimental-vm-modules node_modules/jest/bin/jest.js --selectProjects unit apps/api/src/cases/cases.repository.sql.spec.ts

-- CasesRepository.insertIntake
-- $1 case row, $2 timeline events, $3 deadline clocks, $4 outbox topic, $5 case.changed payload,
-- $6 audit row, $7 idempotency key rows (none or one): each a json document.
WITH c AS (
  INSERT INTO cases (id, tracking_number, access_code_hash, channel, type, urgency, status, category_id,
    district_id, street_id, address, lat, lng, description, attributes, media_url, caller_name, caller_phone,
    caller_email, caller_type, anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids,
    matched_rule_id, unmatched_at_intake, dispatched_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, accept_due_at, reply_due_at, flag, created_by, source_ref, created_at,
    updated_at, version)
  SELECT id, tracking_number, access_code_hash, channel, type, urgency, status, category_id,
    district_id, street_id, address, lat, lng, description, attributes, media_url, caller_name, caller_phone,
    caller_email, caller_type, anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids,
    matched_rule_id, unmatched_at_intake, dispatched_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, accept_due_at, reply_due_at, flag, created_by, source_ref, created_at,
    updated_at, version
  FROM jsonb_populate_record(NULL::cases, $1::jsonb)
  -- Named, not *: a column added to cases under a running API must not change the prepared
  -- statement's result type.
  RETURNING
    id, tracking_number, access_code_hash, channel, type, urgency, status, category_id, district_id, street_id,
    address, lat, lng, description, attributes, media_url, caller_name, caller_phone, caller_email, caller_type,
    anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids, matched_rule_id,
    unmatched_at_intake, dispatched_at, accepted_at, replied_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, public_reply, internal_note, return_reason, follow_up_contacted,
    follow_up_solved, follow_up_satisfaction, followed_up_at, return_count, reopen_count, extension_count,
    parent_case_id, merged_children, accept_due_at, reply_due_at, flag, escalated_at, created_by, source_ref,
    created_at, updated_at, version
), e AS (
  INSERT INTO case_events (case_id, actor_id, actor_name, actor_role, action, from_status, to_status, bureau_id,
    note, is_public, data)
  SELECT c.id, v.actor_id, v.actor_name, v.actor_role, v.action, v.from_status, v.to_status, v.bureau_id,
    v.note, v.is_public, v.data
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::case_events, $2::jsonb) WITH ORDINALITY AS v
  ORDER BY v.ordinality
), d AS (
  INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id,
    policy_version)
  SELECT c.id, v.kind, c.lead_bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec, v.policy_id,
    v.policy_version
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::case_deadlines, $3::jsonb) WITH ORDINALITY AS v
  ORDER BY v.ordinality
), o AS (
  INSERT INTO outbox_events (topic, aggregate_id, payload)
  SELECT $4::text, c.id::text, $5::jsonb
  FROM c
), a AS (
  INSERT INTO audit_log (actor_type, actor_id, actor_role, action, target_type, target_id, ip, request_id, detail)
  SELECT v.actor_type, v.actor_id, v.actor_role, 'case.intake', 'case', c.id::text, v.ip, v.request_id, v.detail
  FROM c CROSS JOIN jsonb_populate_record(NULL::audit_log, $6::jsonb) AS v
), k AS (
  INSERT INTO idempotency_keys (scope, key, request_hash, case_id)
  SELECT v.scope, v.key, v.request_hash, c.id
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::idempotency_keys, $7::jsonb) AS v
  ON CONFLICT (scope, key) DO NOTHING
  RETURNING 1
)
SELECT c.*, (SELECT count(*) FROM k)::int AS key_taken FROM c;

CREATE OR REPLACE FUNCTION public.analytics_consume_outbox(p_batch integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE v_last bigint; v_ids bigint[]; v_cases uuid[]; v_max bigint;
BEGIN
  SELECT last_id INTO v_last FROM analytics_cursor WHERE name = 'rollups' FOR UPDATE;
  -- Rows after the cursor, plus ids skipped earlier: a transaction that took a lower id may
  -- commit after a higher one was read, so skipped ids are re-checked until they expire.
  v_ids := ARRAY(
    SELECT o.id FROM outbox_events o
     WHERE o.id > v_last OR o.id IN (SELECT g.id FROM analytics_cursor_gaps g)
     ORDER BY o.id LIMIT p_batch);
  DELETE FROM analytics_cursor_gaps WHERE expires_at < now();
  IF cardinality(v_ids) = 0 THEN
    RETURN 0;
  END IF;
  v_cases := ARRAY(
    SELECT DISTINCT (o.payload->>'caseId')::uuid FROM outbox_events o
     WHERE o.id = ANY(v_ids) AND o.topic = 'case.changed'
       AND o.payload->>'caseId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
  IF cardinality(v_cases) > 0 THEN
    PERFORM analytics_apply_cases(v_cases);
  END IF;
  DELETE FROM analytics_cursor_gaps WHERE id = ANY(v_ids);
  SELECT max(x) INTO v_max FROM unnest(v_ids) x;
  IF v_max > v_last THEN
    INSERT INTO analytics_cursor_gaps (id, expires_at)
      SELECT g, now() + interval '10 minutes' FROM generate_series(v_last + 1, v_max) g WHERE g <> ALL(v_ids)
      ON CONFLICT DO NOTHING;
    UPDATE analytics_cursor SET last_id = v_max, updated_at = now() WHERE name = 'rollups';
  END IF;
  RETURN cardinality(v_ids);
END $function$

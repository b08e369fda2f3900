CREATE OR REPLACE FUNCTION public.forbid_case_event_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP;
      END $function$

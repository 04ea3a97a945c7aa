-- Event triggers.

-- case: event_trigger_add
-- A
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
-- B
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION on_ddl();

-- case: event_trigger_drop
-- A
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
-- B
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;

-- case: event_trigger_disable
-- A
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
-- B
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
ALTER EVENT TRIGGER watch DISABLE;

-- case: event_trigger_tags_change
-- A
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION on_ddl();
-- B
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION on_ddl();

-- case: event_trigger_event_change
-- A
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON ddl_command_start EXECUTE FUNCTION on_ddl();
-- B
CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER watch ON sql_drop EXECUTE FUNCTION on_ddl();

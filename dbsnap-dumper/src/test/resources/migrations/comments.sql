-- Comments on objects of every kind.

-- case: table_comment_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
COMMENT ON TABLE t IS 'the table';
-- rows
INSERT INTO t VALUES (1);

-- case: table_comment_change
-- A
CREATE TABLE t (id int PRIMARY KEY);
COMMENT ON TABLE t IS 'old';
-- B
CREATE TABLE t (id int PRIMARY KEY);
COMMENT ON TABLE t IS 'new, with ''quotes''';
-- rows
INSERT INTO t VALUES (1);

-- case: table_comment_drop
-- A
CREATE TABLE t (id int PRIMARY KEY);
COMMENT ON TABLE t IS 'old';
-- B
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: column_comment
-- A
CREATE TABLE t (id int PRIMARY KEY, v text);
COMMENT ON COLUMN t.v IS 'value';
-- B
CREATE TABLE t (id int PRIMARY KEY, v text);
COMMENT ON COLUMN t.v IS 'the value';
-- rows
INSERT INTO t VALUES (1, 'a');

-- case: view_comment
-- A
CREATE VIEW vw AS SELECT 1 AS x;
-- B
CREATE VIEW vw AS SELECT 1 AS x;
COMMENT ON VIEW vw IS 'a view';

-- case: function_comment
-- A
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- B
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
COMMENT ON FUNCTION f() IS 'one';

-- case: index_comment
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE INDEX t_v ON t (v);
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE INDEX t_v ON t (v);
COMMENT ON INDEX t_v IS 'by v';
-- rows
INSERT INTO t VALUES (1, 1);

-- case: constraint_comment
-- A
CREATE TABLE t (id int PRIMARY KEY, v int CONSTRAINT v_positive CHECK (v > 0));
-- B
CREATE TABLE t (id int PRIMARY KEY, v int CONSTRAINT v_positive CHECK (v > 0));
COMMENT ON CONSTRAINT v_positive ON t IS 'positive';
-- rows
INSERT INTO t VALUES (1, 1);

-- case: schema_comment
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';

-- case: type_comment
-- A
CREATE TYPE mood AS ENUM ('a');
-- B
CREATE TYPE mood AS ENUM ('a');
COMMENT ON TYPE mood IS 'moods';

-- case: sequence_comment
-- A
CREATE SEQUENCE s;
COMMENT ON SEQUENCE s IS 'old';
-- B
CREATE SEQUENCE s;
COMMENT ON SEQUENCE s IS 'new';

-- case: trigger_comment
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_keep BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION keep();
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_keep BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION keep();
COMMENT ON TRIGGER t_keep ON t IS 'keeps';
-- rows
INSERT INTO t VALUES (1);

-- case: policy_comment
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE POLICY p ON t USING (true);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE POLICY p ON t USING (true);
COMMENT ON POLICY p ON t IS 'everyone';
-- rows
INSERT INTO t VALUES (1);

-- case: domain_comment
-- A
CREATE DOMAIN d AS int;
-- B
CREATE DOMAIN d AS int;
COMMENT ON DOMAIN d IS 'a domain';

-- case: materialized_view_comment
-- A
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
-- B
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
COMMENT ON MATERIALIZED VIEW mv IS 'one row';

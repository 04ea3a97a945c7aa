-- A and B the same: the plan must be empty, and A must still equal B.

-- case: empty_databases
-- A
-- B: same as A

-- case: one_table
-- A
CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL DEFAULT '', created timestamptz DEFAULT now());
CREATE INDEX t_name ON t (name);
-- B: same as A
-- rows
INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b');

-- case: view_function_trigger
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW big AS SELECT id, v FROM t WHERE v > 10;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.v := NEW.v + 0; RETURN NEW; END$$;
CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();
-- B: same as A
-- rows
INSERT INTO t VALUES (1, 5), (2, 50);

-- case: types_and_sequences
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TYPE pair AS (x int, y int);
CREATE SEQUENCE s INCREMENT 5;
CREATE TABLE t (id positive PRIMARY KEY, m mood, p pair);
-- B: same as A
-- rows
INSERT INTO t VALUES (1, 'ok', '(1,2)');

-- case: schema_with_grants_and_comments
-- A
CREATE SCHEMA app;
CREATE TABLE app.t (id int PRIMARY KEY);
COMMENT ON TABLE app.t IS 'a table';
REVOKE ALL ON app.t FROM PUBLIC;
GRANT SELECT ON app.t TO PUBLIC;
-- B: same as A
-- rows
INSERT INTO app.t VALUES (1);

-- case: partitions_and_policies
-- A
CREATE TABLE m (k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
CREATE TABLE secret (id int, owner_name text);
ALTER TABLE secret ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON secret USING (owner_name = current_user);
-- B: same as A
-- rows
INSERT INTO m VALUES (1, 'a'), (2, 'b');
INSERT INTO secret VALUES (1, 'x');

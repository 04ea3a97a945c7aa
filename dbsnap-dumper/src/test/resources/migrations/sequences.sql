-- Sequences.

-- case: sequence_add
-- A
-- B
CREATE SEQUENCE s;

-- case: sequence_drop
-- A
CREATE SEQUENCE s;
-- B

-- case: sequence_increment
-- A
CREATE SEQUENCE s;
-- B
CREATE SEQUENCE s INCREMENT BY 10;

-- case: sequence_bounds
-- A
CREATE SEQUENCE s;
-- B
CREATE SEQUENCE s MINVALUE 5 MAXVALUE 5000 START 5;

-- case: sequence_cycle_and_cache
-- A
CREATE SEQUENCE s;
-- B
CREATE SEQUENCE s CYCLE CACHE 20 MAXVALUE 100;

-- case: sequence_data_type
-- A
CREATE SEQUENCE s AS integer;
-- B
CREATE SEQUENCE s AS smallint;

-- case: sequence_start_change
-- A
CREATE SEQUENCE s START 1;
-- B
CREATE SEQUENCE s START 1000;

-- case: sequence_owned_by
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE SEQUENCE s;
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE SEQUENCE s OWNED BY t.id;
-- rows
INSERT INTO t VALUES (1);

-- case: serial_column_add
-- A
CREATE TABLE t (name text);
-- B
CREATE TABLE t (name text, id serial);
-- rows
INSERT INTO t VALUES ('a'), ('b');

-- case: column_default_nextval
-- A
CREATE SEQUENCE s;
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE SEQUENCE s;
CREATE TABLE t (id int PRIMARY KEY DEFAULT nextval('s'));
-- rows
INSERT INTO t VALUES (1);

-- case: sequence_unlogged
-- requires: 15
-- A
CREATE SEQUENCE s;
-- B
CREATE UNLOGGED SEQUENCE s;

-- case: sequence_in_use_bounds_and_cycle
-- A
CREATE SEQUENCE s;
CREATE TABLE t (id int PRIMARY KEY DEFAULT nextval('s'), v text);
-- B
CREATE SEQUENCE s MAXVALUE 100000 CYCLE INCREMENT BY 2;
CREATE TABLE t (id int PRIMARY KEY DEFAULT nextval('s'), v text);
-- rows
INSERT INTO t (v) SELECT 'r' || i FROM generate_series(1, 20) i;

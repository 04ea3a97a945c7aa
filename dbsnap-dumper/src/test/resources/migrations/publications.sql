-- Publications (creating one needs no wal_level = logical).

-- case: publication_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t;
-- rows
INSERT INTO t VALUES (1);

-- case: publication_drop
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t;
-- B
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: publication_add_table
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE u (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t;
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE u (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t, u;
-- rows
INSERT INTO t VALUES (1);

-- case: publication_remove_table
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE u (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t, u;
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE u (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t;
-- rows
INSERT INTO u VALUES (1);

-- case: publication_options_change
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t;
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE PUBLICATION pub FOR TABLE t WITH (publish = 'insert, update');
-- rows
INSERT INTO t VALUES (1);

-- case: publication_all_tables
-- A
-- B
CREATE PUBLICATION pub_all FOR ALL TABLES;

-- case: publication_row_filter
-- requires: 15
-- A
CREATE TABLE t (id int PRIMARY KEY, active bool);
CREATE PUBLICATION pub FOR TABLE t;
-- B
CREATE TABLE t (id int PRIMARY KEY, active bool);
CREATE PUBLICATION pub FOR TABLE t WHERE (active);
-- rows
INSERT INTO t VALUES (1, true);

-- case: publication_tables_in_schema
-- requires: 15
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app;
CREATE PUBLICATION pub FOR TABLES IN SCHEMA app;

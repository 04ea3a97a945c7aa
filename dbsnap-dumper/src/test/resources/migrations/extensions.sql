-- Extensions from contrib.

-- case: hstore_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE EXTENSION hstore;
CREATE TABLE t (id int PRIMARY KEY, attrs hstore);
-- rows
INSERT INTO t VALUES (1);

-- case: hstore_drop
-- A
CREATE EXTENSION hstore;
-- B

-- case: pgcrypto_add
-- A
-- B
CREATE EXTENSION pgcrypto;

-- case: extension_in_schema
-- A
CREATE SCHEMA ext;
CREATE EXTENSION citext;
-- B
CREATE SCHEMA ext;
CREATE EXTENSION citext WITH SCHEMA ext;

-- case: citext_column_type
-- A
CREATE EXTENSION citext;
CREATE TABLE t (id int PRIMARY KEY, email text);
-- B
CREATE EXTENSION citext;
CREATE TABLE t (id int PRIMARY KEY, email citext);
-- rows
INSERT INTO t VALUES (1, 'A@x');

-- case: extension_version_update
-- A
CREATE EXTENSION citext VERSION '1.4';
-- B
CREATE EXTENSION citext VERSION '1.5';

-- case: btree_gist_exclusion
-- A
CREATE TABLE room (id int PRIMARY KEY, room int, during tsrange);
-- B
CREATE EXTENSION btree_gist;
CREATE TABLE room (id int PRIMARY KEY, room int, during tsrange, EXCLUDE USING gist (room WITH =, during WITH &&));
-- rows
INSERT INTO room VALUES (1, 1, '[2024-01-01,2024-01-02)');

-- case: trgm_index
-- A
CREATE EXTENSION pg_trgm;
CREATE TABLE t (id int PRIMARY KEY, name text);
-- B
CREATE EXTENSION pg_trgm;
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);
-- rows
INSERT INTO t VALUES (1, 'hello');

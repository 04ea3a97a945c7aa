-- Composite types.

-- case: composite_add
-- A
-- B
CREATE TYPE pair AS (x int, y int);

-- case: composite_drop
-- A
CREATE TYPE pair AS (x int, y int);
-- B

-- case: composite_add_attribute
-- A
CREATE TYPE pair AS (x int, y int);
-- B
CREATE TYPE pair AS (x int, y int, z int);

-- case: composite_drop_attribute
-- A
CREATE TYPE pair AS (x int, y int, z int);
-- B
CREATE TYPE pair AS (x int, y int);

-- case: composite_attribute_type_change
-- A
CREATE TYPE pair AS (x int, y int);
-- B
CREATE TYPE pair AS (x bigint, y int);

-- case: composite_used_by_column_add_attribute
-- A
CREATE TYPE pair AS (x int, y int);
CREATE TABLE t (id int PRIMARY KEY, p pair);
-- B
CREATE TYPE pair AS (x int, y int, label text);
CREATE TABLE t (id int PRIMARY KEY, p pair);
-- rows
INSERT INTO t VALUES (1, '(1,2)');

-- case: composite_used_by_function
-- A
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION make_pair(a int) RETURNS pair LANGUAGE sql AS 'SELECT a, a';
-- B
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION make_pair(a int) RETURNS pair LANGUAGE sql AS 'SELECT a, a + 1';

-- case: composite_attribute_collation
-- A
CREATE TYPE named AS (name text);
-- B
CREATE TYPE named AS (name text COLLATE "C");

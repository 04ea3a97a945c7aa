-- Aggregates.

-- case: aggregate_add
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');

-- case: aggregate_drop
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';

-- case: aggregate_initcond_change
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '100');

-- case: aggregate_state_function_change
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION max_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT greatest(a, b)';
CREATE AGGREGATE agg(int) (SFUNC = add_int, STYPE = int);
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION max_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT greatest(a, b)';
CREATE AGGREGATE agg(int) (SFUNC = max_int, STYPE = int);

-- case: aggregate_final_function_add
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION as_text(a int) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a::text';
CREATE AGGREGATE agg(int) (SFUNC = add_int, STYPE = int);
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE FUNCTION as_text(a int) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a::text';
CREATE AGGREGATE agg(int) (SFUNC = add_int, STYPE = int, FINALFUNC = as_text);

-- case: aggregate_used_by_view
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
CREATE VIEW sums AS SELECT total(v) FROM t;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: aggregate_comment
-- A
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
-- B
CREATE FUNCTION add_int(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
CREATE AGGREGATE total(int) (SFUNC = add_int, STYPE = int, INITCOND = '0');
COMMENT ON AGGREGATE total(int) IS 'sums';

-- Casts between types the case creates.

-- case: cast_add
-- A
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';
-- B
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';
CREATE CAST (pair AS int) WITH FUNCTION pair_to_int(pair);

-- case: cast_drop
-- A
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';
CREATE CAST (pair AS int) WITH FUNCTION pair_to_int(pair);
-- B
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';

-- case: cast_context_change
-- A
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';
CREATE CAST (pair AS int) WITH FUNCTION pair_to_int(pair);
-- B
CREATE TYPE pair AS (x int, y int);
CREATE FUNCTION pair_to_int(pair) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1.x + $1.y';
CREATE CAST (pair AS int) WITH FUNCTION pair_to_int(pair) AS IMPLICIT;

-- case: cast_with_inout
-- A
CREATE DOMAIN code AS text;
CREATE TYPE pair AS (x int, y int);
-- B
CREATE DOMAIN code AS text;
CREATE TYPE pair AS (x int, y int);
CREATE CAST (pair AS text) WITH INOUT AS ASSIGNMENT;

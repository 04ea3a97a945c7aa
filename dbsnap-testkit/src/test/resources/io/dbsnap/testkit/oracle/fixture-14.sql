-- Catalog oracle fixture, part 2: what PostgreSQL 14 added (compression, SQL-standard bodies,
-- multiranges with chosen names, expression statistics).
CREATE TABLE app.compressed (doc text COMPRESSION pglz, other text);
CREATE FUNCTION app.twice(a integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a * 2;
CREATE PROCEDURE app.sql_proc(a integer) LANGUAGE sql BEGIN ATOMIC SELECT app.twice(a); END;
CREATE TYPE app.int_range AS RANGE (subtype = integer, multirange_type_name = app.int_ranges);
CREATE STATISTICS app.order_expr_stats ON (amount * 2), lower(note) FROM app."order";

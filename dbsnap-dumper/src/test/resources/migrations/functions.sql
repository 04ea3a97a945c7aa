-- Functions and procedures: body, signature, return type, attributes, dependents.

-- case: function_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
-- rows
INSERT INTO t VALUES (1);

-- case: function_drop
-- A
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
-- B

-- case: function_body_change
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 2';

-- case: function_plpgsql_body_change
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN i; END$$;
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE plpgsql AS $$BEGIN IF i < 0 THEN RETURN 0; END IF; RETURN i; END$$;

-- case: function_language_change
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN i; END$$;

-- case: function_volatility_change
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT i';

-- case: function_strict_and_cost
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql AS 'SELECT i';
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql STRICT COST 500 AS 'SELECT i';

-- case: function_security_definer
-- A
CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SELECT current_user::text';
-- B
CREATE FUNCTION f() RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS 'SELECT current_user::text';

-- case: function_config_change
-- A
CREATE FUNCTION f() RETURNS int LANGUAGE sql SET work_mem = '1MB' AS 'SELECT 1';
-- B
CREATE FUNCTION f() RETURNS int LANGUAGE sql SET work_mem = '8MB' AS 'SELECT 1';

-- case: function_argument_added
-- A
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
-- B
CREATE FUNCTION f(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';

-- case: function_argument_type_change
-- A
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
-- B
CREATE FUNCTION f(a bigint) RETURNS int LANGUAGE sql AS 'SELECT a::int';

-- case: function_argument_default
-- A
CREATE FUNCTION f(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
-- B
CREATE FUNCTION f(a int, b int DEFAULT 10) RETURNS int LANGUAGE sql AS 'SELECT a + b';

-- case: function_return_type_change
-- A
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
-- B
CREATE FUNCTION f(a int) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint';

-- case: function_returns_table_change
-- A
CREATE TABLE t (id int PRIMARY KEY, v text);
CREATE FUNCTION rows_of_t() RETURNS TABLE (id int) LANGUAGE sql AS 'SELECT id FROM t';
-- B
CREATE TABLE t (id int PRIMARY KEY, v text);
CREATE FUNCTION rows_of_t() RETURNS TABLE (id int, v text) LANGUAGE sql AS 'SELECT id, v FROM t';
-- rows
INSERT INTO t VALUES (1, 'a');

-- case: function_overload_added
-- A
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
-- B
CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a';

-- case: function_used_by_default
-- A
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$SELECT 'a'$$;
CREATE TABLE t (id int PRIMARY KEY, code text DEFAULT next_code());
-- B
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$SELECT 'b'$$;
CREATE TABLE t (id int PRIMARY KEY, code text DEFAULT next_code());
-- rows
INSERT INTO t VALUES (1, DEFAULT);

-- case: function_used_by_check_return_type_change
-- A
CREATE FUNCTION ok(i int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT i > 0';
CREATE TABLE t (id int PRIMARY KEY, v int CHECK (ok(v)));
-- B
CREATE FUNCTION ok(i bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT i > 0';
CREATE TABLE t (id int PRIMARY KEY, v int CHECK (ok(v)));
-- rows
INSERT INTO t VALUES (1, 1);

-- case: function_used_by_view_return_type_change
-- A
CREATE FUNCTION label() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE VIEW vw AS SELECT label() AS l;
-- B
CREATE FUNCTION label() RETURNS text LANGUAGE sql AS $$SELECT 'one'$$;
CREATE VIEW vw AS SELECT label() AS l;

-- case: function_sql_standard_body
-- requires: 14
-- A
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql IMMUTABLE RETURN i + 1;
-- B
CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql IMMUTABLE RETURN i + 2;

-- case: procedure_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int) LANGUAGE sql AS 'INSERT INTO t VALUES (i)';
-- rows
INSERT INTO t VALUES (1);

-- case: procedure_drop
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int) LANGUAGE sql AS 'INSERT INTO t VALUES (i)';
-- B
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: procedure_body_change
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int) LANGUAGE sql AS 'INSERT INTO t VALUES (i)';
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int) LANGUAGE sql AS 'INSERT INTO t VALUES (i + 1000)';
-- rows
INSERT INTO t VALUES (1);

-- case: procedure_signature_change
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int) LANGUAGE sql AS 'INSERT INTO t VALUES (i)';
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE PROCEDURE put(i int, j int) LANGUAGE sql AS 'INSERT INTO t VALUES (i), (j)';
-- rows
INSERT INTO t VALUES (1);

-- case: function_in_other_schema
-- A
CREATE SCHEMA lib;
CREATE FUNCTION lib.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- B
CREATE SCHEMA lib;
CREATE FUNCTION lib.f() RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION lib.g() RETURNS int LANGUAGE sql AS 'SELECT lib.f()';

-- case: function_return_type_change_used_by_view_and_default
-- A
CREATE FUNCTION next_code() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE TABLE t (id int PRIMARY KEY, code int DEFAULT next_code());
CREATE VIEW codes AS SELECT next_code() AS code;
-- B
CREATE FUNCTION next_code() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';
CREATE TABLE t (id int PRIMARY KEY, code int DEFAULT next_code());
CREATE VIEW codes AS SELECT next_code() AS code;
-- rows
INSERT INTO t VALUES (1, 5);

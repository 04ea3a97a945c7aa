-- Owners (roles are created by the harness: they are cluster-wide).

-- case: table_owner
-- roles: conv_owner_table
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
ALTER TABLE t OWNER TO conv_owner_table;
-- rows
INSERT INTO t VALUES (1);

-- case: table_owner_back
-- roles: conv_owner_table_back
-- A
CREATE TABLE t (id int PRIMARY KEY);
ALTER TABLE t OWNER TO conv_owner_table_back;
-- B
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: schema_owner
-- roles: conv_owner_schema
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app AUTHORIZATION conv_owner_schema;

-- case: function_owner
-- roles: conv_owner_function
-- A
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- B
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION f() OWNER TO conv_owner_function;

-- case: view_owner
-- roles: conv_owner_view
-- A
CREATE VIEW vw AS SELECT 1 AS x;
-- B
CREATE VIEW vw AS SELECT 1 AS x;
ALTER VIEW vw OWNER TO conv_owner_view;

-- case: sequence_owner
-- roles: conv_owner_sequence
-- A
CREATE SEQUENCE s;
-- B
CREATE SEQUENCE s;
ALTER SEQUENCE s OWNER TO conv_owner_sequence;

-- case: type_owner
-- roles: conv_owner_type
-- A
CREATE TYPE mood AS ENUM ('a');
-- B
CREATE TYPE mood AS ENUM ('a');
ALTER TYPE mood OWNER TO conv_owner_type;

-- case: owner_change_between_roles
-- roles: conv_owner_first conv_owner_second
-- A
CREATE TABLE t (id int PRIMARY KEY);
ALTER TABLE t OWNER TO conv_owner_first;
-- B
CREATE TABLE t (id int PRIMARY KEY);
ALTER TABLE t OWNER TO conv_owner_second;
-- rows
INSERT INTO t VALUES (1);

-- Privileges: grants and revokes on every kind that has an ACL, default privileges.

-- case: table_grant_select
-- roles: conv_grant_reader
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO conv_grant_reader;
-- rows
INSERT INTO t VALUES (1);

-- case: table_revoke
-- roles: conv_grant_revoked
-- A
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT, INSERT ON t TO conv_grant_revoked;
-- B
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO conv_grant_revoked;
-- rows
INSERT INTO t VALUES (1);

-- case: table_grant_public
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO PUBLIC;
-- rows
INSERT INTO t VALUES (1);

-- case: table_revoke_all_from_owner
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
REVOKE TRUNCATE ON t FROM CURRENT_USER;
-- rows
INSERT INTO t VALUES (1);

-- case: column_grant
-- roles: conv_grant_column
-- A
CREATE TABLE t (id int PRIMARY KEY, secret text);
-- B
CREATE TABLE t (id int PRIMARY KEY, secret text);
GRANT SELECT (id), UPDATE (secret) ON t TO conv_grant_column;
-- rows
INSERT INTO t VALUES (1, 's');

-- case: grant_with_grant_option
-- roles: conv_grant_option
-- A
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO conv_grant_option;
-- B
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO conv_grant_option WITH GRANT OPTION;
-- rows
INSERT INTO t VALUES (1);

-- case: function_revoke_execute_from_public
-- A
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- B
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;

-- case: schema_usage
-- roles: conv_grant_schema
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app;
GRANT USAGE, CREATE ON SCHEMA app TO conv_grant_schema;

-- case: public_schema_revoke_create
-- A
-- B
REVOKE ALL ON SCHEMA public FROM PUBLIC;

-- case: sequence_usage
-- roles: conv_grant_sequence
-- A
CREATE SEQUENCE s;
-- B
CREATE SEQUENCE s;
GRANT USAGE ON SEQUENCE s TO conv_grant_sequence;

-- case: type_usage_revoke
-- A
CREATE TYPE mood AS ENUM ('a');
-- B
CREATE TYPE mood AS ENUM ('a');
REVOKE USAGE ON TYPE mood FROM PUBLIC;

-- case: view_grant
-- roles: conv_grant_view
-- A
CREATE VIEW vw AS SELECT 1 AS x;
-- B
CREATE VIEW vw AS SELECT 1 AS x;
GRANT SELECT ON vw TO conv_grant_view;

-- case: default_privileges_add
-- roles: conv_grant_default
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO conv_grant_default;

-- case: default_privileges_functions_revoke
-- A
-- B
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- case: grant_on_new_table
-- roles: conv_grant_new_table
-- A
-- B
CREATE TABLE t (id int PRIMARY KEY);
GRANT ALL ON t TO conv_grant_new_table;

-- case: database_independent_role_grant_table_dropped
-- roles: conv_grant_dropped
-- A
CREATE TABLE t (id int PRIMARY KEY);
GRANT SELECT ON t TO conv_grant_dropped;
-- B

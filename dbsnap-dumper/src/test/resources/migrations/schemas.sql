-- Schemas.

-- case: schema_add
-- A
-- B
CREATE SCHEMA app;

-- case: schema_drop
-- A
CREATE SCHEMA app;
-- B

-- case: schema_with_objects_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE SCHEMA app;
CREATE TABLE app.items (id int PRIMARY KEY, t_id int REFERENCES public.t);
CREATE VIEW app.item_ids AS SELECT id FROM app.items;
-- rows
INSERT INTO t VALUES (1);

-- case: schema_with_objects_drop
-- A
CREATE SCHEMA app;
CREATE TABLE app.items (id int PRIMARY KEY);
CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- B
-- rows
INSERT INTO app.items VALUES (1);

-- case: table_moves_schema
-- A
CREATE SCHEMA old_home;
CREATE SCHEMA new_home;
CREATE TABLE old_home.t (id int PRIMARY KEY);
-- B
CREATE SCHEMA old_home;
CREATE SCHEMA new_home;
CREATE TABLE new_home.t (id int PRIMARY KEY);
-- rows
INSERT INTO old_home.t VALUES (1);

-- case: quoted_schema_name
-- A
CREATE SCHEMA "My App";
CREATE TABLE "My App"."Items" (id int PRIMARY KEY);
-- B
CREATE SCHEMA "My App";
CREATE TABLE "My App"."Items" (id int PRIMARY KEY, "Label" text);
-- rows
INSERT INTO "My App"."Items" VALUES (1);

-- case: public_schema_dropped
-- A
CREATE SCHEMA app;
-- B
CREATE SCHEMA app;
DROP SCHEMA public;

-- case: public_schema_created
-- A
CREATE SCHEMA app;
DROP SCHEMA public;
-- B
CREATE SCHEMA app;
CREATE TABLE public.t (id int);

-- case: public_schema_dropped_with_its_table
-- A
CREATE SCHEMA app;
CREATE TABLE public.t (id int);
CREATE TABLE app.kept (id int);
-- B
CREATE SCHEMA app;
CREATE TABLE app.kept (id int);
DROP SCHEMA public;
-- rows
INSERT INTO public.t VALUES (1);
INSERT INTO app.kept VALUES (2);

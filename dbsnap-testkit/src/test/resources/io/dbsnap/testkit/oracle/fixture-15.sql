-- Catalog oracle fixture, part 3: what PostgreSQL 15 added (NULLS NOT DISTINCT, unlogged
-- sequences, security_invoker views, ICU locales in pg_collation, publication row filters,
-- column lists and schemas).
CREATE TABLE app.nnd (a int, b int, CONSTRAINT nnd_a UNIQUE NULLS NOT DISTINCT (a));
CREATE UNLOGGED SEQUENCE app.unlogged_seq;
CREATE VIEW app.invoker WITH (security_invoker = true) AS SELECT 1 AS one;
CREATE COLLATION app.icu_de (provider = icu, locale = 'de-DE');
CREATE PUBLICATION filtered FOR TABLE app."order" ("order", amount) WHERE (amount > 0) WITH (publish = 'insert');
CREATE PUBLICATION whole_schema FOR TABLES IN SCHEMA "Mixed Case";

-- What PostgreSQL 17 changed in the catalog columns the oracle reads: the MAINTAIN privilege
-- (acldefault of a table gains it), the builtin collation provider with colllocale,
-- domains' NOT NULL constraints in pg_constraint, attstattarget NULL unless set.
-- {reader} is replaced by a role of the test's own.
CREATE SCHEMA v17;
CREATE TABLE v17.t (id int NOT NULL, note text);
ALTER TABLE v17.t ALTER COLUMN note SET STATISTICS 50;
GRANT MAINTAIN ON v17.t TO {reader};
GRANT SELECT (note) ON v17.t TO {reader};
CREATE COLLATION v17.plain (provider = builtin, locale = 'C');
CREATE DOMAIN v17.positive AS int CONSTRAINT positive_required NOT NULL CONSTRAINT positive_above_zero CHECK (VALUE > 0);

-- What PostgreSQL 18 changed in the catalog columns the oracle reads: tables' NOT NULL
-- constraints in pg_constraint with their names (valid, or added NOT VALID), virtual generated
-- columns (attgenerated 'v'), publish_generated_columns (pubgencols); MAINTAIN as in 17.
-- {reader} is replaced by a role of the test's own.
CREATE SCHEMA v18;
CREATE TABLE v18.item (id int CONSTRAINT item_id_required NOT NULL, price numeric,
    doubled numeric GENERATED ALWAYS AS (price * 2) VIRTUAL,
    kept numeric GENERATED ALWAYS AS (price + 1) STORED);
ALTER TABLE v18.item ADD CONSTRAINT item_price_set NOT NULL price NOT VALID;
GRANT MAINTAIN ON v18.item TO {reader};
CREATE PUBLICATION v18_pub FOR TABLE v18.item WITH (publish_generated_columns = stored);

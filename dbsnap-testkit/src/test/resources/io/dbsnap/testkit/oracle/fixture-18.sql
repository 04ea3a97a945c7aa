-- Catalog oracle fixture, part 5: what PostgreSQL 18 added (named NOT NULL constraints in
-- pg_constraint, virtual generated columns, NOT ENFORCED, temporal keys, published generated
-- columns).
CREATE EXTENSION btree_gist WITH SCHEMA app;
CREATE TABLE app.modern (
    id integer CONSTRAINT modern_id_required NOT NULL,
    price numeric,
    doubled numeric GENERATED ALWAYS AS (price * 2) VIRTUAL,
    CONSTRAINT price_positive CHECK (price > 0) NOT ENFORCED
);
ALTER TABLE app.modern ADD CONSTRAINT modern_price_set NOT NULL price NOT VALID;
CREATE TABLE app.bookings (room integer, during tstzrange, CONSTRAINT no_double_booking PRIMARY KEY (room, during WITHOUT OVERLAPS));
CREATE PUBLICATION with_generated FOR TABLE app.modern WITH (publish_generated_columns = stored);

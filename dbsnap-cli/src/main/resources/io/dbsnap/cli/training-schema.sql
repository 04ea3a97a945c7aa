-- The schema of the class-data archive's training run (ClassDataTraining): the object kinds an
-- application's database commonly holds. training-catalog.json beside it is dbsnap's catalog of a
-- database made from this file; ClassDataTrainingCatalogTest checks that they agree.
CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE DOMAIN shop.positive AS numeric(12, 2) CHECK (VALUE > 0);
CREATE TYPE shop.address AS (street text, city text);
CREATE SEQUENCE shop.invoice_number START 1000;
CREATE TABLE shop.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL DEFAULT '',
    address shop.address,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE shop.orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    status shop.status NOT NULL DEFAULT 'new',
    total shop.positive,
    invoice integer DEFAULT nextval('shop.invoice_number'),
    lines jsonb NOT NULL DEFAULT '[]',
    tags text[],
    CONSTRAINT orders_lines_is_array CHECK (jsonb_typeof(lines) = 'array')
);
CREATE INDEX orders_customer ON shop.orders (customer_id);
CREATE INDEX orders_open ON shop.orders (status) WHERE status <> 'shipped';
CREATE VIEW shop.open_orders AS SELECT o.id, c.email, o.total FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id
    WHERE o.status <> 'shipped';
CREATE MATERIALIZED VIEW shop.totals AS SELECT customer_id, sum(total) AS total FROM shop.orders GROUP BY customer_id;
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END
$$;
CREATE FUNCTION shop.order_count(customer bigint) RETURNS bigint LANGUAGE sql STABLE
    AS 'SELECT count(*) FROM shop.orders WHERE customer_id = customer';
CREATE TRIGGER customers_touch BEFORE INSERT ON shop.customers FOR EACH ROW EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_own ON shop.orders USING (customer_id = current_setting('app.customer', true)::bigint);
COMMENT ON TABLE shop.customers IS 'who buys';
COMMENT ON COLUMN shop.orders.lines IS 'the order lines, as a JSON array';
GRANT USAGE ON SCHEMA shop TO PUBLIC;
GRANT SELECT ON shop.open_orders TO PUBLIC;

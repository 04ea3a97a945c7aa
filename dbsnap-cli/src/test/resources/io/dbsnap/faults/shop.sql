-- The fault suite's database: small, so that a fault point costs little, but with enough
-- statements and rows that a kill lands in the middle of the work.
CREATE SCHEMA shop;
CREATE SEQUENCE shop.order_numbers START 1000;
CREATE TYPE shop.order_state AS ENUM ('open', 'paid', 'shipped');
CREATE TABLE shop.customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text UNIQUE
);
CREATE TABLE shop.orders (
    id bigint PRIMARY KEY DEFAULT nextval('shop.order_numbers'),
    customer_id integer NOT NULL REFERENCES shop.customers,
    state shop.order_state NOT NULL DEFAULT 'open',
    total numeric(10,2) CHECK (total >= 0),
    note text
);
CREATE INDEX orders_customer ON shop.orders (customer_id);
CREATE VIEW shop.customer_totals AS
    SELECT c.id, c.name, sum(o.total) AS total
    FROM shop.customers c LEFT JOIN shop.orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;
CREATE FUNCTION shop.order_count(customer integer) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM shop.orders WHERE customer_id = customer $$;
INSERT INTO shop.customers SELECT g, 'customer ' || g, 'c' || g || '@example.com' FROM generate_series(1, 2000) g;
INSERT INTO shop.orders (customer_id, total, note)
    SELECT 1 + g % 2000, (g % 500) + 0.25, repeat('x', g % 40) FROM generate_series(1, 6000) g;
DO $$
BEGIN
    FOR i IN 1..12 LOOP
        EXECUTE format('CREATE TABLE shop.extra_%s (id integer PRIMARY KEY, v text NOT NULL)', i);
        EXECUTE format('INSERT INTO shop.extra_%s SELECT g, md5(g::text) FROM generate_series(1, 100) g', i);
    END LOOP;
END $$;

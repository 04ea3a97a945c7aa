-- A migration for the fault suite: a new column filled in, a new table, a changed view.
ALTER TABLE shop.orders ADD COLUMN paid boolean NOT NULL DEFAULT false;
UPDATE shop.orders SET paid = (id % 2 = 0);
CREATE TABLE shop.refunds (
    id serial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES shop.orders,
    amount numeric(10,2) NOT NULL
);
INSERT INTO shop.refunds (order_id, amount) SELECT id, total FROM shop.orders WHERE id % 97 = 0;
CREATE OR REPLACE VIEW shop.customer_totals AS
    SELECT c.id, c.name, sum(o.total) AS total, count(*) FILTER (WHERE o.paid) AS paid_orders
    FROM shop.customers c LEFT JOIN shop.orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;

-- What a session (or a test) changes in the shop: rows, a sequence, and a table of its own.
UPDATE shop.customers SET name = upper(name) WHERE id % 7 = 0;
DELETE FROM shop.orders WHERE id % 5 = 0;
INSERT INTO shop.orders (customer_id, total, note) SELECT g, 1.5, 'late' FROM generate_series(1, 300) g;
UPDATE shop.extra_3 SET v = 'changed' WHERE id < 50;

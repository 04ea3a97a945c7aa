-- Views and materialized views.

-- case: view_add
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW big AS SELECT id, v FROM t WHERE v > 10;
-- rows
INSERT INTO t VALUES (1, 5), (2, 50);

-- case: view_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW big AS SELECT id, v FROM t WHERE v > 10;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: view_definition_change
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW big AS SELECT id, v FROM t WHERE v > 10;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW big AS SELECT id, v FROM t WHERE v > 100;
-- rows
INSERT INTO t VALUES (1, 5);

-- case: view_add_column_at_end
-- A
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE VIEW vw AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE VIEW vw AS SELECT id, v, w FROM t;
-- rows
INSERT INTO t VALUES (1, 2, 3);

-- case: view_remove_column
-- A
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE VIEW vw AS SELECT id, v, w FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int, w int);
CREATE VIEW vw AS SELECT id, w FROM t;
-- rows
INSERT INTO t VALUES (1, 2, 3);

-- case: view_column_type_change
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v::text AS v FROM t;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: view_over_changed_column
-- A
CREATE TABLE t (id int PRIMARY KEY, amount numeric(10,2));
CREATE VIEW totals AS SELECT id, amount FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, amount numeric(14,4));
CREATE VIEW totals AS SELECT id, amount FROM t;
-- rows
INSERT INTO t VALUES (1, 2.50);

-- case: view_over_dropped_column
-- A
CREATE TABLE t (id int PRIMARY KEY, v int, note text);
CREATE VIEW vw AS SELECT id, v, note FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v FROM t;
-- rows
INSERT INTO t VALUES (1, 2, 'x');

-- case: view_over_view_changed
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW base AS SELECT id, v FROM t;
CREATE VIEW top AS SELECT id FROM base WHERE v > 0;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW base AS SELECT id, v::bigint AS v FROM t;
CREATE VIEW top AS SELECT id FROM base WHERE v > 0;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: view_security_barrier
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw WITH (security_barrier) AS SELECT id, v FROM t;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: view_check_option
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW positive AS SELECT id, v FROM t WHERE v > 0;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW positive AS SELECT id, v FROM t WHERE v > 0 WITH CASCADED CHECK OPTION;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: view_column_default
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE VIEW vw AS SELECT id, v FROM t;
ALTER VIEW vw ALTER COLUMN v SET DEFAULT 7;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: matview_add
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW sums AS SELECT sum(v) AS total FROM t;
-- rows
INSERT INTO t VALUES (1, 2), (2, 3);

-- case: matview_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW sums AS SELECT sum(v) AS total FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
-- rows
INSERT INTO t VALUES (1, 2);

-- case: matview_definition_change
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW sums AS SELECT sum(v) AS total FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW sums AS SELECT sum(v) AS total, count(*) AS n FROM t;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: matview_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
CREATE UNIQUE INDEX mv_id ON mv (id);
-- rows
INSERT INTO t VALUES (1, 2);

-- case: matview_over_changed_column
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v bigint);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: matview_with_no_data
-- A
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t WITH NO DATA;
-- rows
INSERT INTO t VALUES (1, 2);

-- case: views_over_view_over_retyped_column
-- A
CREATE TABLE t (id int PRIMARY KEY, amount int);
CREATE VIEW v1 AS SELECT id, amount FROM t;
CREATE VIEW v2 AS SELECT id, amount * 2 AS twice FROM v1;
-- B
CREATE TABLE t (id int PRIMARY KEY, amount numeric(12,2));
CREATE VIEW v1 AS SELECT id, amount FROM t;
CREATE VIEW v2 AS SELECT id, amount * 2 AS twice FROM v1;
-- rows
INSERT INTO t VALUES (1, 5), (2, 7);

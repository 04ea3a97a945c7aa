-- Extended statistics objects.

-- case: statistics_add
-- A
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
-- B
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip (dependencies) ON city, zip FROM t;
-- rows
INSERT INTO t VALUES (1, 'a', '1');

-- case: statistics_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip (dependencies) ON city, zip FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
-- rows
INSERT INTO t VALUES (1, 'a', '1');

-- case: statistics_kinds_change
-- A
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip (dependencies) ON city, zip FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip (ndistinct, mcv) ON city, zip FROM t;
-- rows
INSERT INTO t VALUES (1, 'a', '1');

-- case: statistics_columns_change
-- A
CREATE TABLE t (id int PRIMARY KEY, city text, zip text, street text);
CREATE STATISTICS t_stats ON city, zip FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, city text, zip text, street text);
CREATE STATISTICS t_stats ON city, street FROM t;
-- rows
INSERT INTO t VALUES (1, 'a', '1', 's');

-- case: statistics_target
-- A
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip ON city, zip FROM t;
-- B
CREATE TABLE t (id int PRIMARY KEY, city text, zip text);
CREATE STATISTICS t_city_zip ON city, zip FROM t;
ALTER STATISTICS t_city_zip SET STATISTICS 500;
-- rows
INSERT INTO t VALUES (1, 'a', '1');

-- case: statistics_on_expression
-- requires: 14
-- A
CREATE TABLE t (id int PRIMARY KEY, city text);
-- B
CREATE TABLE t (id int PRIMARY KEY, city text);
CREATE STATISTICS t_lower_city ON (lower(city)) FROM t;
-- rows
INSERT INTO t VALUES (1, 'a');

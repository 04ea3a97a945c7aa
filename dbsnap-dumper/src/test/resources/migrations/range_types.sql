-- Range types.

-- case: range_add
-- A
-- B
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);

-- case: range_drop
-- A
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
-- B

-- case: range_used_by_column
-- A
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE t (id int PRIMARY KEY, r floatrange);
-- rows
INSERT INTO t VALUES (1);

-- case: range_subtype_change
-- A
CREATE TYPE numrange2 AS RANGE (subtype = int4);
-- B
CREATE TYPE numrange2 AS RANGE (subtype = int8);

-- case: range_column_change
-- A
CREATE TABLE t (id int PRIMARY KEY, r int4range);
-- B
CREATE TABLE t (id int PRIMARY KEY, r int8range);
-- rows
INSERT INTO t VALUES (1, '[1,5)'), (2, 'empty');

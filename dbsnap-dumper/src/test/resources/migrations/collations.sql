-- Collations.

-- case: collation_add
-- A
-- B
CREATE COLLATION my_c (locale = 'C');

-- case: collation_drop
-- A
CREATE COLLATION my_c (locale = 'C');
-- B

-- case: column_uses_new_collation
-- A
CREATE TABLE t (id int PRIMARY KEY, name text);
-- B
CREATE COLLATION my_posix FROM "POSIX";
CREATE TABLE t (id int PRIMARY KEY, name text COLLATE my_posix);
-- rows
INSERT INTO t VALUES (1, 'b'), (2, 'a');

-- case: collation_definition_change
-- A
CREATE COLLATION my_coll (locale = 'C');
-- B
CREATE COLLATION my_coll (locale = 'POSIX');

-- case: collation_comment
-- A
CREATE COLLATION my_c (locale = 'C');
-- B
CREATE COLLATION my_c (locale = 'C');
COMMENT ON COLLATION my_c IS 'byte order';

-- Indexes: plain, unique, partial, expression, multi-column, other access methods.

-- case: index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, name text);
-- B
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name ON t (name);
-- rows
INSERT INTO t VALUES (1, 'a'), (2, 'b');

-- case: index_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name ON t (name);
-- B
CREATE TABLE t (id int PRIMARY KEY, name text);
-- rows
INSERT INTO t VALUES (1, 'a');

-- case: unique_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
-- B
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX t_email ON t (email);
-- rows
INSERT INTO t VALUES (1, 'a'), (2, 'b');

-- case: index_to_unique
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE INDEX t_email ON t (email);
-- B
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX t_email ON t (email);
-- rows
INSERT INTO t VALUES (1, 'a'), (2, 'b');

-- case: partial_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, done bool, due date);
-- B
CREATE TABLE t (id int PRIMARY KEY, done bool, due date);
CREATE INDEX t_open ON t (due) WHERE NOT done;
-- rows
INSERT INTO t VALUES (1, true, '2024-01-01'), (2, false, NULL);

-- case: partial_index_predicate_change
-- A
CREATE TABLE t (id int PRIMARY KEY, done bool, due date);
CREATE INDEX t_open ON t (due) WHERE NOT done;
-- B
CREATE TABLE t (id int PRIMARY KEY, done bool, due date);
CREATE INDEX t_open ON t (due) WHERE NOT done AND due IS NOT NULL;
-- rows
INSERT INTO t VALUES (1, true, '2024-01-01');

-- case: expression_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
-- B
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX t_email_lower ON t (lower(email));
-- rows
INSERT INTO t VALUES (1, 'A@x'), (2, 'b@x');

-- case: expression_index_change
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE INDEX t_email_key ON t (lower(email));
-- B
CREATE TABLE t (id int PRIMARY KEY, email text);
CREATE INDEX t_email_key ON t (upper(email));
-- rows
INSERT INTO t VALUES (1, 'A@x');

-- case: index_columns_change
-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_ab ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_ab ON t (a, b DESC NULLS LAST);
-- rows
INSERT INTO t VALUES (1, 1, 2);

-- case: index_include
-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_a ON t (a) INCLUDE (b);
-- rows
INSERT INTO t VALUES (1, 1, 2);

-- case: index_method_change
-- A
CREATE TABLE t (id int PRIMARY KEY, code text);
CREATE INDEX t_code ON t (code);
-- B
CREATE TABLE t (id int PRIMARY KEY, code text);
CREATE INDEX t_code ON t USING hash (code);
-- rows
INSERT INTO t VALUES (1, 'a');

-- case: gin_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, tags text[]);
-- B
CREATE TABLE t (id int PRIMARY KEY, tags text[]);
CREATE INDEX t_tags ON t USING gin (tags);
-- rows
INSERT INTO t VALUES (1, '{a,b}');

-- case: brin_index_add
-- A
CREATE TABLE t (id int PRIMARY KEY, at timestamptz);
-- B
CREATE TABLE t (id int PRIMARY KEY, at timestamptz);
CREATE INDEX t_at ON t USING brin (at) WITH (pages_per_range = 32);
-- rows
INSERT INTO t VALUES (1, '2024-01-01 00:00:00+00');

-- case: index_storage_parameter
-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a) WITH (fillfactor = 50);
-- rows
INSERT INTO t VALUES (1, 1);

-- case: index_collation
-- A
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name ON t (name);
-- B
CREATE TABLE t (id int PRIMARY KEY, name text);
CREATE INDEX t_name ON t (name COLLATE "C" text_pattern_ops);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: index_rename
-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a_old ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a_new ON t (a);
-- rows
INSERT INTO t VALUES (1, 1);

-- case: index_on_changed_column
-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a bigint);
CREATE INDEX t_a ON t (a);
-- rows
INSERT INTO t VALUES (1, 1);

-- case: cluster_on_index
-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a);
ALTER TABLE t CLUSTER ON t_a;
-- rows
INSERT INTO t VALUES (1, 1);

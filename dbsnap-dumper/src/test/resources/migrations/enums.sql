-- Enums: add, drop, values added and removed.

-- case: enum_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: enum_drop
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
-- B

-- case: enum_add_value_at_end
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- rows
INSERT INTO t VALUES (1, 'sad'), (2, 'ok');

-- case: enum_add_value_in_middle
-- A
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- rows
INSERT INTO t VALUES (1, 'sad'), (2, 'happy');

-- case: enum_add_value_first
-- A
CREATE TYPE mood AS ENUM ('ok', 'happy');
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- case: enum_add_two_values
-- A
CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- rows
INSERT INTO t VALUES (1, 'ok');

-- case: enum_remove_unused_value
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- B
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- rows
INSERT INTO t VALUES (1, 'sad'), (2, 'happy');

-- case: enum_remove_value_with_default
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'happy');
-- B
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'happy');
-- rows
INSERT INTO t VALUES (1, 'sad'), (2, DEFAULT);

-- case: enum_remove_value_used_by_view
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
CREATE VIEW happy AS SELECT id FROM t WHERE m = 'happy';
-- B
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
CREATE VIEW happy AS SELECT id FROM t WHERE m = 'happy';
-- rows
INSERT INTO t VALUES (1, 'happy');

-- case: enum_rename_value
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok');
-- B
CREATE TYPE mood AS ENUM ('sad', 'fine');

-- case: enum_column_to_text
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- B
CREATE TABLE t (id int PRIMARY KEY, m text);
-- rows
INSERT INTO t VALUES (1, 'ok');

-- case: text_column_to_enum
-- A
CREATE TABLE t (id int PRIMARY KEY, m text);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id int PRIMARY KEY, m mood);
-- rows
INSERT INTO t VALUES (1, 'ok'), (2, NULL);

-- case: enum_array_column_add_value
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id int PRIMARY KEY, ms mood[]);
-- B
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, ms mood[]);
-- rows
INSERT INTO t VALUES (1, '{sad,ok}');

-- case: enum_remove_value_array_column
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, ms mood[]);
-- B
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, ms mood[]);
-- rows
INSERT INTO t VALUES (1, '{sad,happy}'), (2, NULL);

-- case: enum_reorder_values_with_index
-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL);
CREATE INDEX t_m ON t (m);
-- B
CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL);
CREATE INDEX t_m ON t (m);
-- rows
INSERT INTO t VALUES (1, 'sad'), (2, 'ok'), (3, 'happy');

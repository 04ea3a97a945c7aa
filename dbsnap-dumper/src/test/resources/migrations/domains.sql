-- Domains.

-- case: domain_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY);
-- rows
INSERT INTO t VALUES (1);

-- case: domain_drop
-- A
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
-- B

-- case: domain_default_change
-- A
CREATE DOMAIN code AS text DEFAULT 'a';
-- B
CREATE DOMAIN code AS text DEFAULT 'b';

-- case: domain_not_null
-- A
CREATE DOMAIN code AS text;
CREATE TABLE t (id int PRIMARY KEY, c code);
-- B
CREATE DOMAIN code AS text NOT NULL;
CREATE TABLE t (id int PRIMARY KEY, c code);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: domain_check_add
-- A
CREATE DOMAIN positive AS int;
CREATE TABLE t (id int PRIMARY KEY, n positive);
-- B
CREATE DOMAIN positive AS int CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY, n positive);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: domain_check_drop
-- A
CREATE DOMAIN positive AS int CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY, n positive);
-- B
CREATE DOMAIN positive AS int;
CREATE TABLE t (id int PRIMARY KEY, n positive);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: domain_check_change
-- A
CREATE DOMAIN small AS int CONSTRAINT small_check CHECK (VALUE < 100);
CREATE TABLE t (id int PRIMARY KEY, n small);
-- B
CREATE DOMAIN small AS int CONSTRAINT small_check CHECK (VALUE < 1000);
CREATE TABLE t (id int PRIMARY KEY, n small);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: domain_base_type_change
-- A
CREATE DOMAIN amount AS int;
CREATE TABLE t (id int PRIMARY KEY, a amount);
-- B
CREATE DOMAIN amount AS bigint;
CREATE TABLE t (id int PRIMARY KEY, a amount);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: column_to_domain
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
-- B
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE t (id int PRIMARY KEY, email email);
-- rows
INSERT INTO t VALUES (1, 'a@x');

-- case: domain_check_not_valid
-- A
CREATE DOMAIN positive AS int;
-- B
CREATE DOMAIN positive AS int;
ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;

-- case: domain_default_change_used_by_column
-- A
CREATE DOMAIN code AS text DEFAULT 'a' CONSTRAINT code_short CHECK (length(VALUE) < 10);
CREATE TABLE t (id int PRIMARY KEY, c code);
-- B
CREATE DOMAIN code AS text DEFAULT 'b' CONSTRAINT code_short CHECK (length(VALUE) < 20);
CREATE TABLE t (id int PRIMARY KEY, c code);
-- rows
INSERT INTO t VALUES (1, 'x'), (2, DEFAULT);

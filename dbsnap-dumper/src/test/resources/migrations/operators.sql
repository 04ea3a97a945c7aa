-- Operators, operator classes and families.

-- case: operator_add
-- A
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
-- B
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int);

-- case: operator_drop
-- A
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int);
-- B
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';

-- case: operator_commutator_add
-- A
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int);
-- B
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int, COMMUTATOR = ~~~);

-- case: operator_restrict_change
-- A
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int);
-- B
CREATE FUNCTION near(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1 - $2) < 2';
CREATE OPERATOR ~~~ (FUNCTION = near, LEFTARG = int, RIGHTARG = int, RESTRICT = eqsel, JOIN = eqjoinsel);

-- case: operator_class_add
-- A
CREATE FUNCTION rev_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($2, $1)';
-- B
CREATE FUNCTION rev_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($2, $1)';
CREATE OPERATOR CLASS rev_ops FOR TYPE int USING btree AS
    OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <, FUNCTION 1 rev_cmp(int, int);

-- case: operator_class_used_by_index
-- A
CREATE FUNCTION rev_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($2, $1)';
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE FUNCTION rev_cmp(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp($2, $1)';
CREATE OPERATOR CLASS rev_ops FOR TYPE int USING btree AS
    OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <, FUNCTION 1 rev_cmp(int, int);
CREATE TABLE t (id int PRIMARY KEY);
CREATE INDEX t_rev ON t (id rev_ops);
-- rows
INSERT INTO t VALUES (1), (2);

-- case: operator_family_add
-- A
-- B
CREATE OPERATOR FAMILY my_family USING hash;

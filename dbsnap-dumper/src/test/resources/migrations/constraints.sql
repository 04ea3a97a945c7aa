-- Constraints: primary keys, unique, check, foreign keys, exclusion, deferrable, NOT VALID.

-- case: primary_key_add
-- A
CREATE TABLE t (id int NOT NULL, v text);
-- B
CREATE TABLE t (id int NOT NULL PRIMARY KEY, v text);
-- rows
INSERT INTO t VALUES (1, 'a'), (2, 'b');

-- case: primary_key_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, v text);
-- B
CREATE TABLE t (id int NOT NULL, v text);
-- rows
INSERT INTO t VALUES (1, 'a');

-- case: primary_key_change_columns
-- A
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
-- B
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b));
-- rows
INSERT INTO t VALUES (1, 1), (2, 1);

-- case: primary_key_rename
-- A
CREATE TABLE t (id int, CONSTRAINT t_key PRIMARY KEY (id));
-- B
CREATE TABLE t (id int, CONSTRAINT t_primary PRIMARY KEY (id));
-- rows
INSERT INTO t VALUES (1);

-- case: unique_add
-- A
CREATE TABLE t (id int PRIMARY KEY, email text);
-- B
CREATE TABLE t (id int PRIMARY KEY, email text UNIQUE);
-- rows
INSERT INTO t VALUES (1, 'a@x'), (2, 'b@x');

-- case: unique_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, email text UNIQUE);
-- B
CREATE TABLE t (id int PRIMARY KEY, email text);
-- rows
INSERT INTO t VALUES (1, 'a@x');

-- case: unique_multi_column
-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int, UNIQUE (a));
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int, UNIQUE (a, b));
-- rows
INSERT INTO t VALUES (1, 1, 1), (2, 2, 1);

-- case: unique_nulls_not_distinct
-- requires: 15
-- A
CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);
-- B
CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE NULLS NOT DISTINCT);
-- rows
INSERT INTO t VALUES (1, 'a'), (2, NULL);

-- case: check_add
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int);
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0));
-- rows
INSERT INTO t VALUES (1, 5), (2, 7);

-- case: check_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0));
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: check_change
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_range CHECK (qty > 0));
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_range CHECK (qty > 0 AND qty < 1000));
-- rows
INSERT INTO t VALUES (1, 5);

-- case: check_table_level
-- A
CREATE TABLE t (id int PRIMARY KEY, lo int, hi int);
-- B
CREATE TABLE t (id int PRIMARY KEY, lo int, hi int, CONSTRAINT ordered CHECK (lo <= hi));
-- rows
INSERT INTO t VALUES (1, 1, 2), (2, 3, 3);

-- case: check_not_valid
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int);
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int);
ALTER TABLE t ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
-- rows
INSERT INTO t VALUES (1, -5), (2, 7);

-- case: check_validate
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int);
ALTER TABLE t ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0));
-- rows
INSERT INTO t VALUES (1, 5);

-- case: check_no_inherit
-- A
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0));
-- B
CREATE TABLE t (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty > 0) NO INHERIT);
-- rows
INSERT INTO t VALUES (1, 5);

-- case: foreign_key_add
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);
-- rows
INSERT INTO parent VALUES (1), (2);
INSERT INTO child VALUES (1, 1), (2, 2), (3, NULL);

-- case: foreign_key_drop
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
-- rows
INSERT INTO parent VALUES (1);
INSERT INTO child VALUES (1, 1);

-- case: foreign_key_on_delete_change
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE RESTRICT);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE ON UPDATE SET NULL);
-- rows
INSERT INTO parent VALUES (1);
INSERT INTO child VALUES (1, 1);

-- case: foreign_key_not_valid
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;
-- rows
INSERT INTO parent VALUES (1);
INSERT INTO child VALUES (1, 1), (2, 99);

-- case: foreign_key_to_new_table
-- A
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);
-- rows
INSERT INTO child VALUES (1, NULL);

-- case: foreign_key_composite
-- A
CREATE TABLE parent (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE child (id int PRIMARY KEY, a int, b int);
-- B
CREATE TABLE parent (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE child (id int PRIMARY KEY, a int, b int, FOREIGN KEY (a, b) REFERENCES parent MATCH FULL);
-- rows
INSERT INTO parent VALUES (1, 1);
INSERT INTO child VALUES (1, 1, 1), (2, NULL, NULL);

-- case: foreign_key_referenced_column_type_change
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);
-- B
CREATE TABLE parent (id bigint PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id bigint REFERENCES parent);
-- rows
INSERT INTO parent VALUES (1), (2);
INSERT INTO child VALUES (1, 2);

-- case: self_referencing_foreign_key
-- A
CREATE TABLE node (id int PRIMARY KEY, parent_id int);
-- B
CREATE TABLE node (id int PRIMARY KEY, parent_id int REFERENCES node);
-- rows
INSERT INTO node VALUES (1, NULL), (2, 1);

-- case: deferrable_add
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
-- rows
INSERT INTO parent VALUES (1);
INSERT INTO child VALUES (1, 1);

-- case: deferrable_unique
-- A
CREATE TABLE t (id int PRIMARY KEY, pos int UNIQUE);
-- B
CREATE TABLE t (id int PRIMARY KEY, pos int UNIQUE DEFERRABLE);
-- rows
INSERT INTO t VALUES (1, 1), (2, 2);

-- case: exclusion_add
-- A
CREATE TABLE booking (id int PRIMARY KEY, during tsrange);
-- B
CREATE TABLE booking (id int PRIMARY KEY, during tsrange, EXCLUDE USING gist (during WITH &&));
-- rows
INSERT INTO booking VALUES (1, '[2024-01-01,2024-01-02)'), (2, '[2024-01-03,2024-01-04)');

-- case: exclusion_drop
-- A
CREATE TABLE booking (id int PRIMARY KEY, during tsrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
-- B
CREATE TABLE booking (id int PRIMARY KEY, during tsrange);
-- rows
INSERT INTO booking VALUES (1, '[2024-01-01,2024-01-02)');

-- case: exclusion_with_predicate
-- A
CREATE TABLE booking (id int PRIMARY KEY, during tsrange, active bool, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
-- B
CREATE TABLE booking (id int PRIMARY KEY, during tsrange, active bool, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (active));
-- rows
INSERT INTO booking VALUES (1, '[2024-01-01,2024-01-02)', true);

-- case: constraint_on_new_column
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL DEFAULT 'x' UNIQUE CHECK (code <> ''));
-- rows
INSERT INTO t VALUES (1);

-- case: foreign_key_validate_with_rows
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent;
-- rows
INSERT INTO parent SELECT generate_series(1, 100);
INSERT INTO child SELECT i, 1 + i % 100 FROM generate_series(1, 500) i;

-- case: check_validate_table_level_with_rows
-- A
CREATE TABLE t (id int PRIMARY KEY, lo int, hi int);
ALTER TABLE t ADD CONSTRAINT lo_below_hi CHECK (lo <= hi) NOT VALID;
-- B
CREATE TABLE t (id int PRIMARY KEY, lo int, hi int, CONSTRAINT lo_below_hi CHECK (lo <= hi));
-- rows
INSERT INTO t SELECT i, i, i + 1 FROM generate_series(1, 300) i;

-- case: foreign_key_added_not_valid_on_rows
-- A
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
-- B
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int);
ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent;
-- rows
INSERT INTO parent SELECT generate_series(1, 10);
INSERT INTO child SELECT i, 1 + i % 10 FROM generate_series(1, 200) i;

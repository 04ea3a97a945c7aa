-- Table inheritance.

-- case: inherit_add
-- A
CREATE TABLE parent (id int, v text);
CREATE TABLE child (id int, v text, extra int);
-- B
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
-- rows
INSERT INTO parent VALUES (1, 'p');
INSERT INTO child VALUES (2, 'c', 3);

-- case: inherit_remove
-- A
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
-- B
CREATE TABLE parent (id int, v text);
CREATE TABLE child (id int, v text, extra int);
-- rows
INSERT INTO child VALUES (2, 'c', 3);

-- case: child_table_add
-- A
CREATE TABLE parent (id int, v text);
-- B
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
-- rows
INSERT INTO parent VALUES (1, 'p');

-- case: child_table_drop
-- A
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
-- B
CREATE TABLE parent (id int, v text);
-- rows
INSERT INTO parent VALUES (1, 'p');
INSERT INTO child VALUES (2, 'c', 3);

-- case: parent_column_add
-- A
CREATE TABLE parent (id int);
CREATE TABLE child (extra int) INHERITS (parent);
-- B
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
-- rows
INSERT INTO child VALUES (2, 3);

-- case: parent_check_add
-- A
CREATE TABLE parent (id int);
CREATE TABLE child (extra int) INHERITS (parent);
-- B
CREATE TABLE parent (id int CONSTRAINT id_positive CHECK (id > 0));
CREATE TABLE child (extra int) INHERITS (parent);
-- rows
INSERT INTO child VALUES (2, 3);

-- case: second_parent
-- A
CREATE TABLE p1 (a int);
CREATE TABLE p2 (b int);
CREATE TABLE child (c int) INHERITS (p1);
-- B
CREATE TABLE p1 (a int);
CREATE TABLE p2 (b int);
CREATE TABLE child (c int) INHERITS (p1, p2);
-- rows
INSERT INTO child VALUES (1, 2);

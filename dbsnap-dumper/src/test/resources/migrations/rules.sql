-- Rules.

-- case: rule_add
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
CREATE RULE t_log AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.id);
-- rows
INSERT INTO t VALUES (1);

-- case: rule_drop
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
CREATE RULE t_log AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.id);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
-- rows
INSERT INTO t VALUES (1);

-- case: rule_action_change
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
CREATE RULE t_log AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.id);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE TABLE log (id int);
CREATE RULE t_log AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (NEW.id * 10);
-- rows
INSERT INTO t VALUES (1);

-- case: rule_do_instead_nothing
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
-- rows
INSERT INTO t VALUES (1);

-- case: rule_disable
-- A
CREATE TABLE t (id int PRIMARY KEY);
CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
-- B
CREATE TABLE t (id int PRIMARY KEY);
CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
ALTER TABLE t DISABLE RULE t_no_delete;
-- rows
INSERT INTO t VALUES (1);

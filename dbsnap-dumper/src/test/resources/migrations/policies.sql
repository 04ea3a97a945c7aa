-- Row-level security: the flags and the policies.

-- case: rls_enable
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: rls_disable
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: rls_force
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
ALTER TABLE t FORCE ROW LEVEL SECURITY;
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_add
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t USING (owner_name = current_user);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_drop
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t USING (owner_name = current_user);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_using_change
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t USING (owner_name = current_user);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t USING (owner_name = session_user);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_with_check_add
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR ALL USING (true);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR ALL USING (true) WITH CHECK (owner_name = current_user);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_command_change
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR SELECT USING (true);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR UPDATE USING (true);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_restrictive
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t USING (true);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t AS RESTRICTIVE USING (true);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_roles_change
-- roles: conv_policy_reader
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t USING (true);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t TO conv_policy_reader USING (true);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_on_new_column
-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY, tenant int);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON t USING (tenant = 1);
-- rows
INSERT INTO t VALUES (1), (2);

-- case: policy_using_and_check_altered
-- roles: conv_policy_writer
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t FOR UPDATE USING (owner_name = current_user);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON t FOR UPDATE TO conv_policy_writer USING (owner_name = session_user) WITH CHECK (owner_name IS NOT NULL);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: policy_using_removed
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR INSERT WITH CHECK (owner_name IS NOT NULL);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
CREATE POLICY own ON t FOR INSERT WITH CHECK (true);
-- rows
INSERT INTO t VALUES (1, 'x');

-- case: rls_enable_and_force_with_new_policy
-- A
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
-- B
CREATE TABLE t (id int PRIMARY KEY, owner_name text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
ALTER TABLE t FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON t USING (owner_name = current_user);
-- rows
INSERT INTO t VALUES (1, 'x'), (2, 'y');

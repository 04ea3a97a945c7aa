-- A small schema whose objects are counted by hand: 2 tables, 2 functions, 1 policy, 1 view,
-- 1 trigger, 1 sequence, 1 type, 1 index; 3 users, and 3 audit rows written by the trigger.
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
CREATE SEQUENCE app.ticket_numbers;
CREATE TABLE app.users (id int PRIMARY KEY, name text, mood app.mood);
CREATE TABLE app.audit (at timestamptz DEFAULT now(), what text);
CREATE INDEX users_name ON app.users (name);
CREATE VIEW app.happy_users AS SELECT id, name FROM app.users WHERE mood = 'happy';
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.users';
CREATE FUNCTION app.log_change() RETURNS trigger LANGUAGE plpgsql AS
  $$BEGIN INSERT INTO app.audit (what) VALUES (TG_OP); RETURN NEW; END$$;
CREATE TRIGGER users_audit AFTER INSERT ON app.users FOR EACH ROW EXECUTE FUNCTION app.log_change();
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON app.users USING (name = current_user);
INSERT INTO app.users VALUES (1, 'ann', 'happy'), (2, 'bob', 'sad'), (3, 'cy', NULL);

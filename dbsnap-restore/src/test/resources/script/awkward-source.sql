-- A source database for the pg_dump test: names, strings, bodies and data that a naive
-- splitter gets wrong. Loaded in one simple-protocol query, so the server splits it.
CREATE SCHEMA "we;ird";

CREATE TABLE "we;ird"."ta""ble; x" (
    id integer PRIMARY KEY,
    "co;l" text DEFAULT E'back\\slash; ''quoted''' CHECK ("co;l" <> 'x;''y\z')
);
COMMENT ON TABLE "we;ird"."ta""ble; x" IS 'it''s; a "table" with \ a backslash /* no comment */ -- nor this';
COMMENT ON COLUMN "we;ird"."ta""ble; x"."co;l" IS $$dollar; 'quoted' $$;
INSERT INTO "we;ird"."ta""ble; x" VALUES (1, 'a;b'), (2, DEFAULT);

CREATE TABLE public.log (msg text);
CREATE TABLE public.log2 (msg text);

CREATE TABLE public.data (
    id integer PRIMARY KEY,
    t text,
    b bytea,
    n numeric,
    a text[],
    j jsonb
);
-- Rows enough for COPY data to span many 64 KiB buffers, and one row longer than a buffer.
INSERT INTO public.data
SELECT i, 'row ' || i || E';\t\\ \n', decode(lpad(to_hex(i), 8, '0'), 'hex'), i / 7.0,
       ARRAY['a;' || i, 'quote"' || i, NULL], jsonb_build_object('k;', i, 'v', E'line\nbreak')
FROM generate_series(1, 3000) AS i;
INSERT INTO public.data VALUES
    (-1, E'tab\there\nnew line\\backslash\r\n\\.\n\\.', '\x00010203fffe'::bytea, 'NaN', '{"x\\y", "{}"}', '{"a": "\\\\."}'),
    (-2, NULL, NULL, NULL, NULL, NULL),
    (-3, '', '', 0, '{}', '[]'),
    (-4, repeat('long;value ', 20000), (SELECT string_agg(set_byte('\x00'::bytea, 0, g), '') FROM generate_series(0, 255) g),
     'Infinity', ARRAY[repeat('x', 70000)], '{"deep": [1, 2, {"x": ";"}]}');

CREATE FUNCTION public.pl(x text) RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
    -- a comment; with 'quotes' and $$
    IF x = '$$' THEN
        RETURN 'dollar;';
    END IF;
    RETURN $q$;$q$ || x;
END
$body$;

CREATE FUNCTION public.add_one(a integer) RETURNS integer LANGUAGE sql
BEGIN ATOMIC
    SELECT a + 1;
END;

CREATE FUNCTION public.sign_of(a integer) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN a > 0 THEN 'pos;' WHEN a < 0 THEN 'neg' ELSE CASE WHEN a = 0 THEN 'zero' END END;
END;

CREATE PROCEDURE public.log_twice(msg text) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO public.log VALUES (msg);
    INSERT INTO public.log VALUES (msg || ';again');
END;

-- pg_dump writes this name unquoted (begin is an unreserved keyword); psql 15 would run the
-- rest of the file into this statement.
CREATE FUNCTION public.begin() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;

CREATE VIEW public.v AS SELECT 'a;b' AS s, E'\\' AS backslash, $$dollar;$$ AS d, public.add_one(1) AS two;

CREATE RULE r AS ON INSERT TO public.log2 DO ALSO (
    INSERT INTO public.log VALUES ('rule;1');
    INSERT INTO public.log VALUES ('rule;2')
);

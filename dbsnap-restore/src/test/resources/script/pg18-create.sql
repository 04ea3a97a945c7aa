--
-- PostgreSQL database dump
--

\restrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH

-- Dumped from database version 18.0
-- Dumped by pg_dump version 18.0

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app; Type: DATABASE; Schema: -; Owner: -
--

CREATE DATABASE app WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


\unrestrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH
\connect app
\restrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: add_one(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.add_one(a integer) RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT (a + 1);
 SELECT
         CASE
             WHEN (a > 0) THEN 1
             ELSE NULL::integer
         END AS "case";
END;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: t; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.t (
    id integer NOT NULL,
    v text
);


--
-- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.t (id, v) FROM stdin;
1	a\tb\nc\\d
2	\N
3	
\.


--
-- Statistics for Name: t; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '180000'::integer,
	'schemaname', 'public',
	'relname', 't',
	'relpages', '1'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH


\set ON_ERROR_STOP on
\echo 'starting; not a statement'
SET search_path = shop, public;
-- a function whose body holds semicolons, quotes and a nested dollar quote
CREATE OR REPLACE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.updated_at := now(); -- ; inside a comment
  RAISE NOTICE 'it''s %; done', $q$semi;colon$q$;
  RETURN NEW;
END
$fn$;
/* a block comment /* nested */ with ; semicolons */
DO $$
DECLARE t text := 'orders';
BEGIN
  EXECUTE 'ALTER TABLE shop.' || t || ' ADD COLUMN x int';
  EXECUTE format('DROP TABLE %I', t);
END $$;
COPY shop.tags (id, name) FROM stdin;
1	a;b
2	it's
\.
SELECT E'escaped \' quote; still a string', 'plain''quote;', "odd;name" FROM shop.tags;
CREATE TABLE shop."weird;table" ("semi;col" text);
COMMENT ON TABLE shop.tags IS 'tags; with a semicolon';
INSERT INTO shop.tags VALUES (3, $$dollar; quoted$$);
\i other-file.sql
SELECT :'psql_var' AS v;
CREATE PROCEDURE shop.p() LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;

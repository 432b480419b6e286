-- violation 'ban-char-field'
CREATE TABLE countries (code char(2) PRIMARY KEY, name text);
-- violation 'ban-char-field'
ALTER TABLE countries ADD COLUMN iso3 character(3);
CREATE TABLE countries2 (code text PRIMARY KEY, name character varying(50));
SELECT 'char(2)'::text;

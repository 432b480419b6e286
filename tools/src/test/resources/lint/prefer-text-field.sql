-- violation 'prefer-text-field'
CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(500));
-- violation 'prefer-text-field'
ALTER TABLE notes ADD COLUMN title character varying(80);
CREATE TABLE notes2 (id bigint PRIMARY KEY, body text CHECK (length(body) <= 500));
-- no violation: an unbounded varchar is text under another name
CREATE TABLE notes3 (id bigint PRIMARY KEY, body varchar, title character varying);

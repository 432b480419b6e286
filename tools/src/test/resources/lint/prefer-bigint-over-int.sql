-- violation 'prefer-bigint-over-int' '32-bit integer column: widening it later rewrites the table'
CREATE TABLE tickets (id serial PRIMARY KEY, title text);
-- violation 'prefer-bigint-over-int'
ALTER TABLE tickets ADD COLUMN owner_id integer;
-- violation 'prefer-bigint-over-int'
ALTER TABLE tickets ALTER COLUMN owner_id TYPE int4;
CREATE TABLE tickets2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount numeric(12, 2));
-- safe: a foreign key's type is the referenced key's, not a choice of its own
CREATE TABLE ticket_notes (ticket_id integer NOT NULL PRIMARY KEY REFERENCES tickets (id), body text);
ALTER TABLE tickets ADD COLUMN parent_id int REFERENCES tickets (id);
-- violation 'prefer-bigint-over-int'
CREATE TABLE ticket_links (ticket_id integer REFERENCES tickets (id), hits integer);

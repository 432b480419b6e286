-- violation 'prefer-bigint-over-int'
CREATE TABLE tickets (id serial PRIMARY KEY, title text);
-- violation 'prefer-bigint-over-int'
ALTER TABLE tickets ADD COLUMN owner_id integer;
-- violation 'prefer-bigint-over-int'
ALTER TABLE tickets ALTER COLUMN owner_id TYPE int4;
CREATE TABLE tickets2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount numeric(12, 2));

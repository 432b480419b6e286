-- violation 'prefer-identity' 'serial column: prefer an identity column'
CREATE TABLE tags (id bigserial PRIMARY KEY, name text);
-- violation 'prefer-identity'
ALTER TABLE tags ADD COLUMN seq serial;
CREATE TABLE tags2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

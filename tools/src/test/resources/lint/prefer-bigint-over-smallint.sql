-- violation 'prefer-bigint-over-smallint' 'smallint column: widening it later rewrites the table'
CREATE TABLE ratings (id bigint PRIMARY KEY, stars smallint);
-- violation 'prefer-bigint-over-smallint'
ALTER TABLE ratings ADD COLUMN weight int2;
CREATE TABLE ratings2 (id bigint PRIMARY KEY, stars bigint);

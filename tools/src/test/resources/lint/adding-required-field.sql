-- violation 'adding-required-field' 'NOT NULL column channel without a DEFAULT fails on existing rows and'
ALTER TABLE shop.orders ADD COLUMN channel text NOT NULL;
-- violation 'adding-required-field'
ALTER TABLE ONLY orders ADD currency char(3) NOT NULL;
ALTER TABLE shop.orders ADD COLUMN source text NOT NULL DEFAULT 'web';
ALTER TABLE shop.orders ADD COLUMN note2 text;
ALTER TABLE shop.orders ADD COLUMN total2 int NOT NULL GENERATED ALWAYS AS (total_cents * 2) STORED;
ALTER TABLE shop.orders ADD CONSTRAINT c CHECK (note IS NOT NULL) NOT VALID;
CREATE TABLE fresh (id int);
ALTER TABLE fresh ADD COLUMN name text NOT NULL;

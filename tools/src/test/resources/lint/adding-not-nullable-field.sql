-- violation 'adding-not-nullable-field' 'SET NOT NULL on shop.orders.status scans the table under a lock that'
ALTER TABLE shop.orders ALTER COLUMN status SET NOT NULL;
-- the PostgreSQL 12 shortcut: a valid CHECK (col IS NOT NULL) makes SET NOT NULL skip the scan
ALTER TABLE shop.orders ADD CONSTRAINT placed_at_not_null CHECK (placed_at IS NOT NULL) NOT VALID;
ALTER TABLE shop.orders VALIDATE CONSTRAINT placed_at_not_null;
ALTER TABLE shop.orders ALTER COLUMN placed_at SET NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN placed_at DROP NOT NULL;
CREATE TABLE shop.fresh (id bigint PRIMARY KEY, name text);
ALTER TABLE shop.fresh ALTER COLUMN name SET NOT NULL;

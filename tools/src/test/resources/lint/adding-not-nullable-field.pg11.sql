-- target-version: 11
-- before PostgreSQL 12 even a valid CHECK does not spare the scan
ALTER TABLE shop.orders ADD CONSTRAINT placed_at_not_null CHECK (placed_at IS NOT NULL) NOT VALID;
ALTER TABLE shop.orders VALIDATE CONSTRAINT placed_at_not_null;
-- violation 'adding-not-nullable-field'
ALTER TABLE shop.orders ALTER COLUMN placed_at SET NOT NULL;

BEGIN;
ALTER TABLE shop.orders ADD COLUMN channel text;
COMMIT;
-- violation 'ban-uncommitted-transaction'
BEGIN;
ALTER TABLE shop.orders ADD COLUMN currency text;

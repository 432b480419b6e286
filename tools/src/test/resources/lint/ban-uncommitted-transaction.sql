BEGIN;
ALTER TABLE shop.orders ADD COLUMN channel text;
COMMIT;
-- violation 'ban-uncommitted-transaction' 'BEGIN on line 5 is never committed: the transaction and its locks'
BEGIN;
ALTER TABLE shop.orders ADD COLUMN currency text;

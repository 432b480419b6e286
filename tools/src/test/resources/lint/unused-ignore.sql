-- schemaguard:ignore ban-drop-table
-- violation 'unused-ignore' 'silences nothing here'
ALTER TABLE shop.orders ADD COLUMN channel text;
-- schemaguard:ignore ban-drop-tabel
-- violation 'unused-ignore'
DROP TABLE shop.carts;
-- schemaguard:ignore ban-drop-table, require-lock-timeout
DROP TABLE shop.carts;
-- squawk-ignore ban-drop-table
DROP TABLE shop.carts;
-- squawk-ignore ban-drop-table
-- violation 'unused-ignore'
ALTER TABLE shop.orders ADD COLUMN channel2 text;
-- squawk-ignore a-rule-only-squawk-has
ALTER TABLE shop.orders ADD COLUMN channel3 text;
-- safety-assured:start
DROP TABLE shop.carts;
ALTER TABLE shop.orders DROP COLUMN channel3;
-- safety-assured:end
-- safety-assured:start
-- violation 'unused-ignore'
SELECT 1;
-- safety-assured:end
SELECT 2;

-- schemaguard:ignore ban-drop-table
-- violation 'unused-ignore'
ALTER TABLE shop.orders ADD COLUMN channel text;
-- schemaguard:ignore ban-drop-tabel
-- violation 'unused-ignore'
DROP TABLE shop.carts;
-- schemaguard:ignore ban-drop-table, require-lock-timeout
DROP TABLE shop.carts;

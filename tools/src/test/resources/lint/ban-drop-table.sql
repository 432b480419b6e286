-- violation 'ban-drop-table' 'DROP TABLE shop.carts deletes its data and breaks code still using it'
DROP TABLE shop.carts;
-- violation 'ban-drop-table'
DROP TABLE IF EXISTS legacy_exports CASCADE;
DROP VIEW shop.order_summaries;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_positive;

-- violation 'cascade-drop' 'CASCADE also drops every dependent object, unnamed in the migration'
DROP VIEW shop.order_summaries CASCADE;
-- violation 'cascade-drop'
DROP TABLE IF EXISTS a, b CASCADE;
DROP VIEW shop.open_orders;
ALTER TABLE t DROP CONSTRAINT c;

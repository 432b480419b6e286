-- schema: shop.orders(id bigint, status text, total numeric(12,2))
-- violation 'missing-object' 'table shop.order does not exist in environment'
ALTER TABLE shop.order ADD COLUMN channel text;
-- violation 'missing-object'
ALTER TABLE shop.orders DROP COLUMN totl;
-- violation 'missing-object'
ALTER TABLE shop.orders RENAME COLUMN stat TO state;
-- violation 'missing-object'
DROP TABLE shop.orderz;
ALTER TABLE shop.orders DROP COLUMN total;
ALTER TABLE shop.orders ADD COLUMN channel text;
CREATE TABLE shop.fresh (id bigint PRIMARY KEY);
ALTER TABLE shop.fresh ADD COLUMN name text;

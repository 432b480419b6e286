-- violation 'require-lock-timeout'
ALTER TABLE shop.orders ADD COLUMN channel text;
CREATE TABLE fresh (id bigint PRIMARY KEY);
ALTER TABLE fresh ADD COLUMN name text;
SET lock_timeout = '5s';
ALTER TABLE shop.orders ADD COLUMN currency text;
DROP TABLE shop.carts;

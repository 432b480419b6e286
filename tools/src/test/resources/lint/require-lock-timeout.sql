-- violation 'require-lock-timeout' 'takes an ACCESS EXCLUSIVE lock without a lock_timeout: waiting for it stalls'
ALTER TABLE shop.orders ADD COLUMN channel text;
CREATE TABLE fresh (id bigint PRIMARY KEY);
ALTER TABLE fresh ADD COLUMN name text;
-- violation 'require-lock-timeout'
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
-- violation 'require-lock-timeout'
DROP TRIGGER orders_touch ON shop.orders;
CREATE TRIGGER fresh_touch BEFORE UPDATE ON fresh FOR EACH ROW EXECUTE FUNCTION shop.touch();
-- a trigger function is no trigger: it locks no table (crates.io has 17 of these)
CREATE OR REPLACE FUNCTION shop.touch_again() RETURNS trigger AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$ LANGUAGE plpgsql;
-- violation 'require-lock-timeout'
CREATE OR REPLACE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
SET lock_timeout = '5s';
ALTER TABLE shop.orders ADD COLUMN currency text;
DROP TABLE shop.carts;
DROP TRIGGER orders_touch ON shop.orders;

-- A safe, additive change to the demo shop: lint passes it; on prod the starter policy still asks a person.
SET lock_timeout = '3s';
ALTER TABLE shop.orders ADD COLUMN channel text;
COMMENT ON COLUMN shop.orders.channel IS 'Where the order was placed: web, app, phone';

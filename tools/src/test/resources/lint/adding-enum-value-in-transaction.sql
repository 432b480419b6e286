-- in-transaction
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';
-- violation 'adding-enum-value-in-transaction' 'uses enum value'
UPDATE shop.orders SET status = 'on_hold' WHERE id = 42;
UPDATE shop.orders SET status = 'paid' WHERE id = 43;

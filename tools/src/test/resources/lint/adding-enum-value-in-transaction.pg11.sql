-- target-version: 11
-- in-transaction
-- violation 'adding-enum-value-in-transaction'
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';

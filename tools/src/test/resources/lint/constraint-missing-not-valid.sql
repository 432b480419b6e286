-- in-transaction
-- violation 'constraint-missing-not-valid' 'CHECK constraint orders_total_positive is validated under a lock that blocks reads and'
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0);
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_positive2 CHECK (total_cents >= 0) NOT VALID;
ALTER TABLE shop.orders ADD CONSTRAINT orders_pk2 UNIQUE USING INDEX orders_pk2_idx;
ALTER TABLE shop.orders ADD CONSTRAINT orders_qty_positive CHECK (quantity > 0) NOT VALID;
-- violation 'constraint-missing-not-valid'
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_qty_positive;
-- violation 'constraint-missing-not-valid'
ALTER TABLE shop.orders ADD COLUMN quantity int CHECK (quantity > 0);
ALTER TABLE shop.orders ADD COLUMN remark text;

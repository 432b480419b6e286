-- violation 'adding-foreign-key-constraint' 'adding a foreign key blocks writes to shop.orders and the referenced table'
ALTER TABLE shop.orders ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon) REFERENCES shop.coupons (code);
-- violation 'adding-foreign-key-constraint'
ALTER TABLE shop.orders ADD COLUMN coupon2 text REFERENCES shop.coupons (code);
ALTER TABLE shop.orders ADD CONSTRAINT orders_coupon3_fk FOREIGN KEY (coupon3) REFERENCES shop.coupons (code) NOT VALID;
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_coupon3_fk;
CREATE TABLE shop.refund_lines (id int, refund_id int);
ALTER TABLE shop.refund_lines ADD CONSTRAINT refund_lines_fk FOREIGN KEY (refund_id) REFERENCES billing.refunds (id);

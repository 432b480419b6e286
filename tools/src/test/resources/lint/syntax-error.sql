-- violation 'syntax-error' 'syntax error: "COLUM" where ADD expects a column'
ALTER TABLE shop.orders ADD COLUM priority int;
-- violation 'syntax-error'
CREAT INDEX orders_note ON shop.orders (note);
-- violation 'syntax-error'
ALTER TABLE shop.orders ADD COLUMN a int, ADDD COLUMN b int;
ALTER TABLE shop.orders ADD colum int;
ALTER TABLE shop.orders ADD price double precision;
ALTER TABLE ONLY shop.orders ALTER COLUMN note SET DEFAULT '', DROP CONSTRAINT x;
ALTER TABLE IF EXISTS "shop"."orders" RENAME TO orders_old;
(SELECT 1);

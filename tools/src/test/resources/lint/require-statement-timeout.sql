-- violation 'require-statement-timeout'
ALTER TABLE shop.orders ADD COLUMN channel text;
SET statement_timeout = '15s';
ALTER TABLE shop.orders ADD COLUMN currency text;

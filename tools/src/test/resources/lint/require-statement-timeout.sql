-- violation 'require-statement-timeout' 'holds an ACCESS EXCLUSIVE lock with no statement_timeout: nothing bounds how long'
ALTER TABLE shop.orders ADD COLUMN channel text;
SET statement_timeout = '15s';
ALTER TABLE shop.orders ADD COLUMN currency text;

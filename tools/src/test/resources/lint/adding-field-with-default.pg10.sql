-- target-version: 10
-- before PostgreSQL 11 any default rewrites the table
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
ALTER TABLE shop.orders ADD COLUMN note text;

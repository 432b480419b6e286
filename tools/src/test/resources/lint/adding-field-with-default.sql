-- violation 'adding-field-with-default' 'the volatile default gen_random_uuid'
ALTER TABLE shop.orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN jitter double precision NOT NULL DEFAULT random();
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN seq bigserial;
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN code text DEFAULT my_schema.make_code();
-- constant and stable defaults are stored in the catalog (PostgreSQL 11+): no rewrite
ALTER TABLE shop.orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
ALTER TABLE shop.orders ADD COLUMN flags jsonb DEFAULT '{}'::jsonb;
ALTER TABLE shop.orders ADD COLUMN created timestamptz DEFAULT now();
ALTER TABLE shop.orders ADD COLUMN note text;
CREATE TABLE shop.fresh (id bigint PRIMARY KEY);
ALTER TABLE shop.fresh ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- violation 'adding-field-with-default'
ALTER TABLE shop.orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

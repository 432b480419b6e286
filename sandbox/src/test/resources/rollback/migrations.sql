-- migration: create-table expect: verified
CREATE TABLE shop.wishlists (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES shop.customers (id), note text, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX wishlists_customer_idx ON shop.wishlists (customer_id);
COMMENT ON TABLE shop.wishlists IS 'saved for later';

-- migration: add-column expect: verified
ALTER TABLE shop.orders ADD COLUMN channel text NOT NULL DEFAULT 'web';

-- migration: add-columns-with-check-and-comment expect: verified
ALTER TABLE shop.orders ADD COLUMN gift boolean, ADD COLUMN gift_note varchar(200);
ALTER TABLE shop.orders ADD CONSTRAINT orders_gift_note_needs_gift CHECK (gift_note IS NULL OR gift) NOT VALID;
COMMENT ON COLUMN shop.orders.gift IS 'wrapped as a gift';

-- migration: drop-column expect: verified-with-data-loss
ALTER TABLE shop.orders DROP COLUMN note;

-- migration: rename-column expect: verified
ALTER TABLE shop.customers RENAME COLUMN full_name TO name;

-- migration: rename-table expect: verified
ALTER TABLE shop.carts RENAME TO baskets;

-- migration: change-type expect: verified-with-data-loss
ALTER TABLE shop.addresses ALTER COLUMN postal_code TYPE varchar(16);

-- migration: set-not-null-and-default expect: verified
ALTER TABLE shop.orders ALTER COLUMN note SET DEFAULT '';
ALTER TABLE shop.orders ALTER COLUMN shipping_address_id SET NOT NULL;

-- migration: drop-not-null expect: verified
ALTER TABLE shop.orders ALTER COLUMN placed_at DROP NOT NULL;

-- migration: add-index expect: verified
CREATE INDEX orders_status_idx ON shop.orders (status) WHERE status <> 'delivered';

-- migration: drop-index expect: verified
DROP INDEX shop.orders_customer_placed_idx;

-- migration: add-unique-constraint expect: verified
ALTER TABLE shop.products ADD CONSTRAINT products_name_key UNIQUE (name);

-- migration: add-foreign-key expect: verified
ALTER TABLE shop.orders ADD COLUMN coupon_code text;
ALTER TABLE shop.orders ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_code) REFERENCES shop.coupons (code) NOT VALID;

-- migration: drop-constraint expect: verified
ALTER TABLE shop.reviews DROP CONSTRAINT reviews_rating_range;

-- migration: create-view expect: verified
CREATE VIEW shop.big_orders AS SELECT id, total_cents FROM shop.orders WHERE total_cents > 10000;

-- migration: drop-view expect: verified
DROP VIEW shop.order_summaries;

-- migration: replace-function expect: verified
CREATE OR REPLACE FUNCTION shop.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$$;

-- migration: create-function-and-trigger expect: verified
CREATE FUNCTION shop.audit_price() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER products_audit_price BEFORE UPDATE ON shop.products FOR EACH ROW EXECUTE FUNCTION shop.audit_price();

-- migration: create-enum-and-sequence expect: verified
CREATE TYPE shop.channel AS ENUM ('web', 'app', 'store');
CREATE SEQUENCE shop.ticket_seq START 1000;
ALTER TABLE shop.orders ADD COLUMN ticket bigint DEFAULT nextval('shop.ticket_seq');

-- migration: create-schema expect: verified
CREATE SCHEMA analytics;
CREATE TABLE analytics.daily_sales (day date PRIMARY KEY, total_cents bigint NOT NULL);

-- migration: drop-table expect: verified-with-data-loss
DROP TABLE shop.cart_items;

-- migration: update-data expect: verified-with-data-loss
UPDATE shop.orders SET note = 'migrated' WHERE note IS NULL;

-- migration: add-enum-value expect: failed
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';

-- migration: new-partition expect: verified
CREATE TABLE shop.order_events_2026_12 PARTITION OF shop.order_events FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

-- migration: matview-index expect: verified
CREATE INDEX product_sales_revenue_idx ON shop.product_sales (revenue_cents DESC);

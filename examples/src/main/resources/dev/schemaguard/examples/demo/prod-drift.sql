-- How `prod` has drifted from `dev`, as real databases do. Applied to shop_prod only, after schema.sql and data.sql.

-- 1. A hot-fix index created by hand on production during an incident, never put in a migration.
CREATE INDEX orders_status_idx ON shop.orders (status);
-- 2. A column added by hand for a one-off export.
ALTER TABLE shop.customers ADD COLUMN legacy_crm_id text;
COMMENT ON COLUMN shop.customers.legacy_crm_id IS 'Filled by the 2026 CRM export; do not use';
-- 3. The refunds foreign key was validated on production, not on dev.
ALTER TABLE billing.refunds VALIDATE CONSTRAINT refunds_payment_fk;
-- 4. A comment that only exists on dev.
COMMENT ON TABLE shop.suppliers IS NULL;

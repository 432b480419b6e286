-- violation 'ban-drop-column' 'dropping shop.customers.legacy_crm_id deletes its data and breaks code still using it'
ALTER TABLE shop.customers DROP COLUMN legacy_crm_id;
-- violation 'ban-drop-column'
ALTER TABLE shop.customers DROP COLUMN IF EXISTS fax;
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.customers ALTER COLUMN country DROP DEFAULT;

-- violation 'renaming-column' 'renaming shop.customers.full_name breaks running code that uses the old name'
ALTER TABLE shop.customers RENAME COLUMN full_name TO display_name;
-- violation 'renaming-column'
ALTER TABLE shop.customers RENAME email TO email_address;
ALTER TABLE shop.customers RENAME TO clients;
ALTER TABLE shop.customers RENAME CONSTRAINT customers_email_key TO customers_email_unique;

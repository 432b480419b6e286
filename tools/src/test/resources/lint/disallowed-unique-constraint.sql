-- violation 'disallowed-unique-constraint' 'UNIQUE constraint customers_email_key builds its index under a lock that blocks reads'
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
-- violation 'disallowed-unique-constraint'
ALTER TABLE shop.customers ADD COLUMN handle text UNIQUE;
ALTER TABLE shop.customers ADD CONSTRAINT customers_phone_key UNIQUE USING INDEX customers_phone_key;
CREATE TABLE shop.fresh (id bigint PRIMARY KEY, code text);
ALTER TABLE shop.fresh ADD CONSTRAINT fresh_code_key UNIQUE (code);

-- violation 'ban-alter-domain-with-add-constraint' 'adding a domain constraint checks every table that uses the domain under'
ALTER DOMAIN shop.email_address ADD CONSTRAINT email_lower CHECK (VALUE = lower(VALUE));
ALTER DOMAIN shop.email_address ADD CONSTRAINT email_short CHECK (length(VALUE) < 320) NOT VALID;
ALTER DOMAIN shop.email_address VALIDATE CONSTRAINT email_short;

-- violation 'privilege-change' 'changes privileges: needs a security review'
GRANT SELECT ON shop.customers TO reporting;
-- violation 'privilege-change'
REVOKE ALL ON SCHEMA billing FROM PUBLIC;
-- violation 'privilege-change'
ALTER DEFAULT PRIVILEGES IN SCHEMA shop GRANT SELECT ON TABLES TO reporting;
COMMENT ON TABLE shop.customers IS 'grant access via the portal';

BEGIN;
ALTER TABLE t ADD COLUMN a text;
-- violation 'transaction-nesting'
BEGIN;
COMMIT;
BEGIN;
COMMIT;

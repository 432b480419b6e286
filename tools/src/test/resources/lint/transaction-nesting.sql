BEGIN;
ALTER TABLE t ADD COLUMN a text;
-- violation 'transaction-nesting' 'BEGIN inside a transaction: the migration tool already wraps this file, or'
BEGIN;
COMMIT;
BEGIN;
COMMIT;

CREATE INDEX CONCURRENTLY outside_idx ON t (a);
BEGIN;
-- violation 'ban-concurrent-index-creation-in-transaction' 'CONCURRENTLY cannot run inside a transaction block'
CREATE INDEX CONCURRENTLY inside_idx ON t (b);
-- violation 'ban-concurrent-index-creation-in-transaction'
DROP INDEX CONCURRENTLY inside_idx;
COMMIT;
CREATE INDEX CONCURRENTLY after_commit_idx ON t (c);

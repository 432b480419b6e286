-- violation 'create-table-without-primary-key' 'table audit_events has no primary key'
CREATE TABLE audit_events (at timestamptz, what text);
CREATE TABLE t1 (id bigint PRIMARY KEY);
CREATE TABLE t2 (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE shop.order_events_2027_01 PARTITION OF shop.order_events FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
CREATE TABLE t3 AS SELECT * FROM t1;

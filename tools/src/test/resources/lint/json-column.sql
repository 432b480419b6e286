-- violation 'json-column' 'json column: prefer jsonb'
CREATE TABLE events (id bigint PRIMARY KEY, payload json);
CREATE TABLE events2 (id bigint PRIMARY KEY, payload jsonb);
SELECT '{}'::json;

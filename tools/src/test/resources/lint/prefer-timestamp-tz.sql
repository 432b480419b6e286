-- violation 'prefer-timestamp-tz' 'timestamp without time zone loses the zone of the values it stores'
CREATE TABLE events (id int, at timestamp NOT NULL);
-- violation 'prefer-timestamp-tz'
ALTER TABLE events ADD COLUMN seen_at timestamp without time zone;
CREATE TABLE events2 (id int, at timestamptz, at2 timestamp with time zone);

-- violation 'ban-create-domain-with-constraint' 'the domain carries a CHECK constraint'
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN note_text AS text;

-- Round trips on the DVD rental store (pagila's shape), with sample rows: each migration, its generated rollback
-- proven on a copy, and what the data proof must find. "lost: table.column" names values that must not come back,
-- "lost: table" a table whose rows must not come back; every other table's rows must come back exactly.

-- migration: drop-table-cascade expect: verified-with-data-loss lost: public.film_category
DROP TABLE public.film_category CASCADE;

-- migration: drop-column expect: verified-with-data-loss lost: public.customer.email
ALTER TABLE public.customer DROP COLUMN email;

-- migration: add-enum-value expect: verified
ALTER TYPE public.mpaa_rating ADD VALUE 'NR';

-- migration: rename-enum-value expect: verified
ALTER TYPE public.mpaa_rating RENAME VALUE 'NC-17' TO 'X';

-- migration: widen-numeric-under-views expect: verified
DROP VIEW public.film_list, public.nicer_but_slower_film_list;
ALTER TABLE public.film ALTER COLUMN rental_rate TYPE numeric(6,2);

-- migration: char-to-varchar expect: verified
ALTER TABLE public.language ALTER COLUMN name TYPE varchar(20);

-- migration: narrow-text expect: verified-with-data-loss
ALTER TABLE public.address ALTER COLUMN district TYPE varchar(50);

-- migration: rename-column expect: verified
ALTER TABLE public.actor RENAME COLUMN last_name TO family_name;

-- migration: rename-table expect: verified
ALTER TABLE public.category RENAME TO genre;

-- migration: add-column-default-and-index expect: verified
ALTER TABLE public.rental ADD COLUMN channel text NOT NULL DEFAULT 'store';
CREATE INDEX rental_channel_idx ON public.rental (channel);

-- migration: new-table-with-trigger expect: verified
CREATE TABLE public.wishlist (wishlist_id serial PRIMARY KEY, customer_id integer NOT NULL REFERENCES public.customer, film_id integer NOT NULL REFERENCES public.film,
  last_update timestamptz NOT NULL DEFAULT now());
CREATE TRIGGER last_updated BEFORE UPDATE ON public.wishlist FOR EACH ROW EXECUTE FUNCTION public.last_updated();

-- migration: drop-trigger-function-cascade expect: verified
DROP FUNCTION public.last_updated() CASCADE;

-- migration: drop-aggregate-cascade expect: verified
DROP AGGREGATE public.group_concat(text) CASCADE;

-- migration: detach-partition expect: verified
ALTER TABLE public.payment DETACH PARTITION public.payment_p2022_06;

-- migration: new-partition expect: verified
CREATE TABLE public.payment_p2022_07 PARTITION OF public.payment FOR VALUES FROM ('2022-07-01 00:00:00+00') TO ('2022-08-01 00:00:00+00');

-- migration: update-rows expect: verified-with-data-loss lost: public.film.rental_rate, public.film.last_update
-- (the last_updated trigger changes last_update too: the data proof sees what a trigger did)
UPDATE public.film SET rental_rate = rental_rate + 1;

-- migration: replace-view-with-fewer-columns expect: verified
DROP VIEW public.customer_list;
CREATE VIEW public.customer_list AS SELECT cu.customer_id AS id, cu.first_name || ' ' || cu.last_name AS name FROM public.customer cu;

-- migration: replace-materialized-view expect: verified
DROP MATERIALIZED VIEW public.rental_by_category;
CREATE MATERIALIZED VIEW public.rental_by_category AS SELECT c.name AS category, count(*) AS rentals FROM public.category c
  JOIN public.film_category fc USING (category_id) GROUP BY c.name;

-- migration: domain-checks-and-default expect: verified
ALTER DOMAIN public.year DROP CONSTRAINT year_check;
ALTER DOMAIN public.year ADD CONSTRAINT year_modern CHECK (VALUE >= 1950) NOT VALID;
ALTER DOMAIN public.year SET DEFAULT 2000;

-- migration: set-not-null expect: verified
ALTER TABLE public.address ALTER COLUMN postal_code SET NOT NULL;

-- migration: drop-index-and-constraint expect: verified
DROP INDEX public.idx_title;
ALTER TABLE public.film_actor DROP CONSTRAINT film_actor_film_id_fkey;

-- migration: sequence-options expect: verified
ALTER SEQUENCE public.actor_actor_id_seq INCREMENT BY 5 CACHE 10;

-- migration: replace-function expect: verified
CREATE OR REPLACE FUNCTION public.last_day(timestamp with time zone) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (date_trunc('month', $1) + interval '1 month')::date - 1
$$;

-- migration: privileges-comments-rls expect: verified
CREATE ROLE sg_rental_reader NOLOGIN;
GRANT SELECT ON public.film, public.actor TO sg_rental_reader;
COMMENT ON TABLE public.film IS 'what we rent';
ALTER TABLE public.customer ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_store ON public.customer FOR SELECT TO sg_rental_reader USING (store_id = 1);

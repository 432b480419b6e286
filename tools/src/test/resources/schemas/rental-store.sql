-- A DVD rental store in the shape of pagila, PostgreSQL's best-known sample schema (written for these tests; pagila
-- itself is not reachable from CI): the same tables, the same kinds of objects and the same dependencies between them.
-- Views use an aggregate that is defined by a function; SQL functions read tables and call each other; a function
-- returns a table's rows; payments are partitioned by month with a key on every partition; a materialized view has
-- a unique index; every table has a last_update trigger; the film table has a full-text column kept by a trigger.
-- Loaded as pg_dump's output is (function bodies unchecked), in an order that is not the one a dependency sort gives.
SET check_function_bodies = false;

CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');

CREATE FUNCTION public._group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END
$$;
CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text);

CREATE FUNCTION public.last_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.last_update := current_timestamp;
  RETURN NEW;
END $$;

CREATE FUNCTION public.last_day(timestamp with time zone) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (date_trunc('month', $1) + interval '1 month' - interval '1 day')::date
$$;

CREATE TABLE public.country (country_id serial PRIMARY KEY, country text NOT NULL, last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.city (city_id serial PRIMARY KEY, city text NOT NULL, country_id integer NOT NULL REFERENCES public.country ON UPDATE CASCADE ON DELETE RESTRICT,
  last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.address (address_id serial PRIMARY KEY, address text NOT NULL, address2 text, district text NOT NULL,
  city_id integer NOT NULL REFERENCES public.city ON UPDATE CASCADE ON DELETE RESTRICT, postal_code text, phone text NOT NULL,
  last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.language (language_id serial PRIMARY KEY, name character(20) NOT NULL, last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.category (category_id serial PRIMARY KEY, name text NOT NULL, last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.actor (actor_id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, last_update timestamptz NOT NULL DEFAULT now());
CREATE INDEX idx_actor_last_name ON public.actor (last_name);

CREATE TABLE public.film (
  film_id serial PRIMARY KEY,
  title text NOT NULL,
  description text,
  release_year public.year,
  language_id integer NOT NULL REFERENCES public.language ON UPDATE CASCADE ON DELETE RESTRICT,
  original_language_id integer REFERENCES public.language ON UPDATE CASCADE ON DELETE RESTRICT,
  rental_duration smallint NOT NULL DEFAULT 3,
  rental_rate numeric(4,2) NOT NULL DEFAULT 4.99,
  length smallint,
  replacement_cost numeric(5,2) NOT NULL DEFAULT 19.99,
  rating public.mpaa_rating DEFAULT 'G',
  last_update timestamptz NOT NULL DEFAULT now(),
  special_features text[],
  fulltext tsvector NOT NULL
);
CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext);
CREATE INDEX idx_title ON public.film (title);
CREATE INDEX idx_fk_language_id ON public.film (language_id);
CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON public.film FOR EACH ROW
  EXECUTE FUNCTION tsvector_update_trigger(fulltext, 'pg_catalog.english', title, description);

CREATE TABLE public.film_actor (actor_id integer NOT NULL REFERENCES public.actor ON UPDATE CASCADE ON DELETE RESTRICT,
  film_id integer NOT NULL REFERENCES public.film ON UPDATE CASCADE ON DELETE RESTRICT, last_update timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, film_id));
CREATE TABLE public.film_category (film_id integer NOT NULL REFERENCES public.film ON UPDATE CASCADE ON DELETE RESTRICT,
  category_id integer NOT NULL REFERENCES public.category ON UPDATE CASCADE ON DELETE RESTRICT, last_update timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (film_id, category_id));

CREATE TABLE public.store (store_id serial PRIMARY KEY, manager_staff_id integer NOT NULL,
  address_id integer NOT NULL REFERENCES public.address ON UPDATE CASCADE ON DELETE RESTRICT, last_update timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.staff (staff_id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
  address_id integer NOT NULL REFERENCES public.address ON UPDATE CASCADE ON DELETE RESTRICT, email text,
  store_id integer NOT NULL REFERENCES public.store, active boolean NOT NULL DEFAULT true, username text NOT NULL, password text,
  last_update timestamptz NOT NULL DEFAULT now(), picture bytea);
ALTER TABLE public.store ADD CONSTRAINT store_manager_staff_id_fkey FOREIGN KEY (manager_staff_id) REFERENCES public.staff ON UPDATE CASCADE ON DELETE RESTRICT;
CREATE UNIQUE INDEX idx_unq_manager_staff_id ON public.store (manager_staff_id);

CREATE TABLE public.customer (customer_id serial PRIMARY KEY,
  store_id integer NOT NULL REFERENCES public.store ON UPDATE CASCADE ON DELETE RESTRICT, first_name text NOT NULL, last_name text NOT NULL,
  email text, address_id integer NOT NULL REFERENCES public.address ON UPDATE CASCADE ON DELETE RESTRICT, activebool boolean NOT NULL DEFAULT true,
  create_date date NOT NULL DEFAULT CURRENT_DATE, last_update timestamptz DEFAULT now(), active integer);
CREATE INDEX idx_last_name ON public.customer (last_name);

CREATE TABLE public.inventory (inventory_id serial PRIMARY KEY,
  film_id integer NOT NULL REFERENCES public.film ON UPDATE CASCADE ON DELETE RESTRICT,
  store_id integer NOT NULL REFERENCES public.store ON UPDATE CASCADE ON DELETE RESTRICT, last_update timestamptz NOT NULL DEFAULT now());
CREATE INDEX idx_store_id_film_id ON public.inventory (store_id, film_id);

CREATE TABLE public.rental (rental_id serial PRIMARY KEY, rental_date timestamptz NOT NULL,
  inventory_id integer NOT NULL REFERENCES public.inventory ON UPDATE CASCADE ON DELETE RESTRICT,
  customer_id integer NOT NULL REFERENCES public.customer ON UPDATE CASCADE ON DELETE RESTRICT, return_date timestamptz,
  staff_id integer NOT NULL REFERENCES public.staff, last_update timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX idx_unq_rental_rental_date_inventory_id_customer_id ON public.rental (rental_date, inventory_id, customer_id);

CREATE TABLE public.payment (payment_id serial NOT NULL, customer_id integer NOT NULL REFERENCES public.customer,
  staff_id integer NOT NULL REFERENCES public.staff, rental_id integer NOT NULL REFERENCES public.rental,
  amount numeric(5,2) NOT NULL, payment_date timestamptz NOT NULL, PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
CREATE TABLE public.payment_p2022_01 PARTITION OF public.payment FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
CREATE TABLE public.payment_p2022_02 PARTITION OF public.payment FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00');
CREATE TABLE public.payment_p2022_03 PARTITION OF public.payment FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00');
CREATE TABLE public.payment_p2022_04 PARTITION OF public.payment FOR VALUES FROM ('2022-04-01 00:00:00+00') TO ('2022-05-01 00:00:00+00');
CREATE TABLE public.payment_p2022_05 PARTITION OF public.payment FOR VALUES FROM ('2022-05-01 00:00:00+00') TO ('2022-06-01 00:00:00+00');
CREATE TABLE public.payment_p2022_06 PARTITION OF public.payment FOR VALUES FROM ('2022-06-01 00:00:00+00') TO ('2022-07-01 00:00:00+00');
CREATE INDEX idx_fk_payment_customer ON public.payment (customer_id);
CREATE INDEX idx_fk_payment_staff ON public.payment (staff_id);

-- functions that read tables and call each other; one returns a table's rows
CREATE FUNCTION public.film_in_stock(p_film_id integer, p_store_id integer, OUT p_film_count integer) RETURNS SETOF integer
  LANGUAGE sql AS $$
  SELECT inventory_id FROM inventory WHERE film_id = $1 AND store_id = $2 AND inventory_in_stock(inventory_id);
$$;
CREATE FUNCTION public.film_not_in_stock(p_film_id integer, p_store_id integer, OUT p_film_count integer) RETURNS SETOF integer
  LANGUAGE sql AS $$
  SELECT inventory_id FROM inventory WHERE film_id = $1 AND store_id = $2 AND NOT inventory_in_stock(inventory_id);
$$;
CREATE FUNCTION public.inventory_held_by_customer(p_inventory_id integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE v_customer_id integer;
BEGIN
  SELECT customer_id INTO v_customer_id FROM rental WHERE return_date IS NULL AND inventory_id = p_inventory_id;
  RETURN v_customer_id;
END $$;
CREATE FUNCTION public.inventory_in_stock(p_inventory_id integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE v_rentals integer; v_out integer;
BEGIN
  SELECT count(*) INTO v_rentals FROM rental WHERE inventory_id = p_inventory_id;
  IF v_rentals = 0 THEN RETURN true; END IF;
  SELECT count(rental_id) INTO v_out FROM inventory LEFT JOIN rental USING (inventory_id)
   WHERE inventory.inventory_id = p_inventory_id AND rental.return_date IS NULL;
  RETURN v_out = 0;
END $$;
CREATE FUNCTION public.get_customer_balance(p_customer_id integer, p_effective_date timestamptz) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE v_rentfees numeric(5,2); v_payments numeric(5,2);
BEGIN
  SELECT coalesce(sum(film.rental_rate), 0) INTO v_rentfees FROM film, inventory, rental
   WHERE film.film_id = inventory.film_id AND inventory.inventory_id = rental.inventory_id
     AND rental.rental_date <= p_effective_date AND rental.customer_id = p_customer_id;
  SELECT coalesce(sum(payment.amount), 0) INTO v_payments FROM payment
   WHERE payment.payment_date <= p_effective_date AND payment.customer_id = p_customer_id;
  RETURN v_rentfees - v_payments;
END $$;
CREATE FUNCTION public.rewards_report(min_monthly_purchases integer, min_dollar_amount_purchased numeric) RETURNS SETOF public.customer
  LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE rr record;
BEGIN
  FOR rr IN SELECT c.* FROM payment p JOIN customer c USING (customer_id)
             GROUP BY c.customer_id HAVING sum(p.amount) > min_dollar_amount_purchased AND count(*) > min_monthly_purchases LOOP
    RETURN NEXT rr;
  END LOOP;
END $$;

-- views over the aggregate and over each other
CREATE VIEW public.actor_info AS
  SELECT a.actor_id, a.first_name, a.last_name,
         public.group_concat(DISTINCT c.name || ': ' || (SELECT public.group_concat(f.title) FROM film f
           JOIN film_category fc_1 ON f.film_id = fc_1.film_id JOIN film_actor fa_1 ON f.film_id = fa_1.film_id
           WHERE fc_1.category_id = c.category_id AND fa_1.actor_id = a.actor_id)) AS film_info
    FROM actor a LEFT JOIN film_actor fa ON a.actor_id = fa.actor_id LEFT JOIN film_category fc ON fa.film_id = fc.film_id
    LEFT JOIN category c ON fc.category_id = c.category_id
   GROUP BY a.actor_id, a.first_name, a.last_name;
CREATE VIEW public.customer_list AS
  SELECT cu.customer_id AS id, cu.first_name || ' ' || cu.last_name AS name, a.address, a.postal_code AS "zip code", a.phone,
         city.city, country.country, CASE WHEN cu.activebool THEN 'active' ELSE '' END AS notes, cu.store_id AS sid
    FROM customer cu JOIN address a ON cu.address_id = a.address_id JOIN city ON a.city_id = city.city_id
    JOIN country ON city.country_id = country.country_id;
CREATE VIEW public.film_list AS
  SELECT film.film_id AS fid, film.title, film.description, category.name AS category, film.rental_rate AS price, film.length,
         film.rating, public.group_concat(actor.first_name || ' ' || actor.last_name) AS actors
    FROM category LEFT JOIN film_category ON category.category_id = film_category.category_id
    LEFT JOIN film ON film_category.film_id = film.film_id JOIN film_actor ON film.film_id = film_actor.film_id
    JOIN actor ON film_actor.actor_id = actor.actor_id
   GROUP BY film.film_id, film.title, film.description, category.name, film.rental_rate, film.length, film.rating;
CREATE VIEW public.nicer_but_slower_film_list AS
  SELECT film.film_id AS fid, film.title, film.description, category.name AS category, film.rental_rate AS price, film.length,
         film.rating, public.group_concat(upper(substr(actor.first_name, 1, 1)) || lower(substr(actor.first_name, 2)) || ' '
         || upper(substr(actor.last_name, 1, 1)) || lower(substr(actor.last_name, 2))) AS actors
    FROM category LEFT JOIN film_category ON category.category_id = film_category.category_id
    LEFT JOIN film ON film_category.film_id = film.film_id JOIN film_actor ON film.film_id = film_actor.film_id
    JOIN actor ON film_actor.actor_id = actor.actor_id
   GROUP BY film.film_id, film.title, film.description, category.name, film.rental_rate, film.length, film.rating;
CREATE VIEW public.sales_by_film_category AS
  SELECT c.name AS category, sum(p.amount) AS total_sales
    FROM payment p JOIN rental r ON p.rental_id = r.rental_id JOIN inventory i ON r.inventory_id = i.inventory_id
    JOIN film f ON i.film_id = f.film_id JOIN film_category fc ON f.film_id = fc.film_id JOIN category c ON fc.category_id = c.category_id
   GROUP BY c.name ORDER BY sum(p.amount) DESC;
CREATE VIEW public.sales_by_store AS
  SELECT c.city || ',' || cy.country AS store, m.first_name || ' ' || m.last_name AS manager, sum(p.amount) AS total_sales
    FROM payment p JOIN rental r ON p.rental_id = r.rental_id JOIN inventory i ON r.inventory_id = i.inventory_id
    JOIN store s ON i.store_id = s.store_id JOIN address a ON s.address_id = a.address_id JOIN city c ON a.city_id = c.city_id
    JOIN country cy ON c.country_id = cy.country_id JOIN staff m ON s.manager_staff_id = m.staff_id
   GROUP BY cy.country, c.city, s.store_id, m.first_name, m.last_name ORDER BY cy.country, c.city;
CREATE VIEW public.staff_list AS
  SELECT s.staff_id AS id, s.first_name || ' ' || s.last_name AS name, a.address, a.postal_code AS "zip code", a.phone,
         city.city, country.country, s.store_id AS sid
    FROM staff s JOIN address a ON s.address_id = a.address_id JOIN city ON a.city_id = city.city_id
    JOIN country ON city.country_id = country.country_id;

CREATE MATERIALIZED VIEW public.rental_by_category AS
  SELECT c.name AS category, sum(p.amount) AS total_sales
    FROM payment p JOIN rental r ON p.rental_id = r.rental_id JOIN inventory i ON r.inventory_id = i.inventory_id
    JOIN film f ON i.film_id = f.film_id JOIN film_category fc ON f.film_id = fc.film_id JOIN category c ON fc.category_id = c.category_id
   GROUP BY c.name ORDER BY sum(p.amount) DESC;
CREATE UNIQUE INDEX rental_category ON public.rental_by_category (category);

CREATE TRIGGER last_updated BEFORE UPDATE ON public.actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.address FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.category FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.city FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.country FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.customer FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film_actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film_category FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.inventory FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.language FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.rental FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.staff FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.store FOR EACH ROW EXECUTE FUNCTION public.last_updated();

COMMENT ON FUNCTION public.get_customer_balance(integer, timestamptz) IS 'what a customer owes on a date';

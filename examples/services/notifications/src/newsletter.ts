import { Pool } from "pg";

const pool = new Pool();

export async function newsletterRecipients(): Promise<string[]> {
  const result = await pool.query(
    "SELECT email FROM shop.customers WHERE marketing_opt_in = true"
  );
  return result.rows.map((r) => r.email);
}

// Text for people, not SQL, though it reads like it: a false positive the precision test counts.
export const pickerHint = "Select the customers from the list to send the newsletter to";

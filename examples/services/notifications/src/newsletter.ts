import { Pool } from "pg";

const pool = new Pool();

export async function newsletterRecipients(): Promise<string[]> {
  const result = await pool.query(
    "SELECT email FROM shop.customers WHERE marketing_opt_in = true"
  );
  return result.rows.map((r) => r.email);
}

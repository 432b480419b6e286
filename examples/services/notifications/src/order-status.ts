// The e-mail subject for an order's status, as the orders API returns it.
export function subject(status: string): string {
  switch (status) {
    case "paid":
      return "Thank you for your payment";
    case "shipped":
      return "Your order is on its way";
    case "delivered":
      return "Your order has arrived";
    default:
      return "An update on your order";
  }
}

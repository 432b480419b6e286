export function badge(status: string): string {
  switch (status) { // violation: breaks "has no case 'ON_HOLD', and its default throws"
    case "NEW":
      return "new";
    case "PAID":
    case "SHIPPED":
      return "on its way";
    default:
      throw new Error(`unknown status ${status}`);
  }
}

// Labels that are no type's values: not a reader of order_status.
export function colour(kind: string): string {
  switch (kind) {
    case "error":
      return "red";
    case "warning":
      return "amber";
    default:
      throw new Error(kind);
  }
}

package shop.orders;

public class OrderWorkflow {

    public String next(Order order) {
        switch (order.getStatus()) { // violation: breaks "has no case 'ON_HOLD', and its default throws"
            case NEW:
                return "pay";
            case PAID:
                return "ship";
            case SHIPPED:
                return "done";
            default:
                throw new IllegalStateException("unknown status " + order.getStatus());
        }
    }

    public boolean open(Order order) {
        return switch (order.getStatus()) { // violation: changes "'ON_HOLD' goes to its default"
            case NEW, PAID -> true;
            default -> false;
        };
    }
}

package shop.fulfilment;

import static shop.fulfilment.jooq.Tables.ORDERS;

import org.jooq.DSLContext;
import shop.fulfilment.jooq.enums.Carrier;
import shop.fulfilment.jooq.enums.OrderStatus;

public class Packing {

    private final DSLContext db;

    public Packing(DSLContext db) {
        this.db = db;
    }

    public boolean ready(long id) {
        OrderStatus status = db.select(ORDERS.STATUS).from(ORDERS).where(ORDERS.ID.eq(id)).fetchOne(ORDERS.STATUS);
        switch (status) { // violation: breaks "a switch on null throws NullPointerException"
            case PAID:
                return true;
            case SHIPPED:
                return false;
            default:
                return false;
        }
    }

    public int days(Carrier carrier) {
        switch (carrier) {
            case post:
                return 3;
            case courier:
                return 1;
            default:
                throw new IllegalArgumentException("carrier " + carrier);
        }
    }
}

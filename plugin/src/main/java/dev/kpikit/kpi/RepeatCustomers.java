package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts customers and repeat customers (more than one order) from order rows, one row at a
 * time. Holds one counter per distinct customer.
 */
public final class RepeatCustomers {

    private final Map<Object, Integer> ordersByCustomer = new HashMap<>();
    private int repeatCustomers;

    /** Adds one order of {@code customer}; a null customer (anonymous sale) is skipped. */
    public void add(Object customer) {
        if (customer != null && ordersByCustomer.merge(customer, 1, Integer::sum) == 2) {
            repeatCustomers++;
        }
    }

    /** Distinct customers seen. */
    public int customers() {
        return ordersByCustomer.size();
    }

    /** Customers with more than one order. */
    public int repeatCustomers() {
        return repeatCustomers;
    }

    /** Repeat customers / customers as a fraction; null before any order. */
    public BigDecimal rate() {
        return Formulas.repeatCustomerRate(BigDecimal.valueOf(repeatCustomers), BigDecimal.valueOf(customers()));
    }
}

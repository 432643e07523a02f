package io.northwind.billing.model;

import java.io.Serializable;

public class Invoice implements Serializable {
    private static final long serialVersionUID = -4127758810447253713L;
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private String id;
    private String paymentToken;
}

package org.credence.receivable;

/** The customer disputes an invoice; collections leave it alone until resolved. */
public record InvoiceDisputed(String customerCode, String invoiceNumber, String reason) {

}

package org.credence.receivable;

/** A dispute about an invoice was resolved; the invoice is collectable again. */
public record InvoiceDisputeResolved(String customerCode, String invoiceNumber, String resolution) {

}

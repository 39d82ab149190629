-- Identifiers (external ids, document numbers, customer codes, currency codes) are compared
-- byte by byte: COLLATE "C". Under the database's linguistic collation (en_US.UTF-8, or even
-- libc's C.UTF-8, which PostgreSQL 15 still compares through strcoll) every comparison in
-- their indexes, joins and sorts costs a locale call; "C" is a memcmp and lets sorts use
-- abbreviated keys. Equality is the same under both (both are deterministic), so no
-- uniqueness or lookup changes; only the order of identifiers under a linguistic collation
-- becomes code point order, which is what C.UTF-8 databases already give.
-- The type stays the same, so PostgreSQL rewrites no table, only the indexes on these
-- columns. Every receivable table takes the same collation for the same kind of column, so
-- a join between two of them keeps using its indexes.
alter table receivable.invoice
    alter column external_id   type varchar(100) collate "C",
    alter column customer_code type varchar(64)  collate "C",
    alter column number        type varchar(64)  collate "C",
    alter column order_number  type varchar(64)  collate "C",
    alter column currency      type char(3)      collate "C";

alter table receivable.sales_order
    alter column external_id   type varchar(100) collate "C",
    alter column customer_code type varchar(64)  collate "C",
    alter column number        type varchar(64)  collate "C",
    alter column currency      type char(3)      collate "C";

alter table receivable.payment
    alter column external_id   type varchar(100) collate "C",
    alter column customer_code type varchar(64)  collate "C",
    alter column currency      type char(3)      collate "C";

alter table receivable.credit_note
    alter column external_id    type varchar(100) collate "C",
    alter column customer_code  type varchar(64)  collate "C",
    alter column number         type varchar(64)  collate "C",
    alter column invoice_number type varchar(64)  collate "C",
    alter column currency       type char(3)      collate "C";

alter table receivable.fx_rate
    alter column currency type char(3) collate "C";

alter table receivable.aging_customer
    alter column customer_code type varchar(64) collate "C";

alter table receivable.bank_receipt
    alter column customer_code       type varchar(64)  collate "C",
    alter column payment_external_id type varchar(100) collate "C",
    alter column currency            type char(3)      collate "C";

alter table receivable.account_statement
    alter column customer_code type varchar(64) collate "C";

-- No query reads the invoices by issue date alone: every one that filters on it filters on the
-- customer too (invoice_customer), and the portfolio aging reads the whole ledger. Kept up to
-- date on every insert, it cost an import of a million invoices about a quarter of its time.
drop index receivable.invoice_issue;

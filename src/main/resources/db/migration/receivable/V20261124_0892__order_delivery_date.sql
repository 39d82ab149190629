-- When an order's goods are due to be delivered, as the order system says (optional). The
-- exposure module counts an open order only once its delivery falls within the horizon the
-- credit check rules set, so a long-running bulk order does not use the limit up front.
alter table receivable.sales_order add column delivery_date date;

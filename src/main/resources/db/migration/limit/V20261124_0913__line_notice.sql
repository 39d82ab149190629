-- What the daily job has announced (a temporary increase lapsed, a line expired), so it
-- announces each once, across instances and after a missed day.
create table credit_limit.line_notice (
    customer_code  varchar(64)  not null,
    change         varchar(32)  not null,
    day            date         not null,
    published_at   timestamptz  not null,
    primary key (customer_code, change, day)
);

create table order_items (
    order_id bigint not null,
    line_no integer not null,
    product_id bigint,
    quantity integer default 1,
    unit_price double,
    primary key (order_id, line_no)
)

with all_payments as (
    select id, amount, 'card' as method from card_payments
    union all
    select id, amount, 'bank' as method from bank_payments
)
select method, sum(amount) from all_payments group by method

select *
from subscriptions s
join invoices i
  on i.subscription_id = s.id
 and i.issued_at between s.started_at and coalesce(s.ended_at, current_date)
 and (i.status = 'paid' or (i.status = 'open' and i.amount > 0))

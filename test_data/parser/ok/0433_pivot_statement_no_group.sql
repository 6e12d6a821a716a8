pivot monthly_revenue on month using first(revenue)

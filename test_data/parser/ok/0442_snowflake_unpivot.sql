-- dialect: snowflake
select *
from monthly_sales
unpivot (sales for month in (jan, feb, mar, apr))
order by empid

-- dialect: ansi
-- bracket-quoted identifiers: the generic (ANSI) dialect accepts them for T-SQL-style exports
select [order id], t.[amount] as [Total Amount]
from [sales data] as t
where t.[status] = 'open'

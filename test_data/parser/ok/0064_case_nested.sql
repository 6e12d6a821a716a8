select
    case
        when region = 'EU' then
            case when country in ('DE', 'FR') then 'core_eu' else 'other_eu' end
        when region = 'NA' then case country when 'US' then 'us' else 'ca_mx' end
        else 'row'
    end as market
from customers

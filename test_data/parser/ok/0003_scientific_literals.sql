select
    amount * 1e3 as amount_milli,
    amount / 1.5E-3 as scaled,
    2e+5 as threshold,
    6.02E23 as avogadro
from payments

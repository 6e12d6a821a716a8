select
    MAP {'k': 1} as single,
    map {'eu': 0.2, 'us': 0.07} as tax_rates
from settings

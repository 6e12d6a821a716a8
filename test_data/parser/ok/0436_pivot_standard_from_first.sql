from payments pivot (sum(amount) for method in ('card', 'bank', 'gift')) as pv

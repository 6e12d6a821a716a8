select columns('amount_.*') from payments

select * exclude (password_hash, ssn) from users

SELECT id FROM all_users EXCEPT SELECT user_id FROM banned_users

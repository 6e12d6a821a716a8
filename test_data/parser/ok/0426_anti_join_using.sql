select * from new_rows anti join existing_rows using (id)

SELECT * FROM read_csv_auto('raw/*.csv') AS r

-- dialect: bigquery
select 'it\'s', "say \"hi\"" as quote, r'raw\d' from t

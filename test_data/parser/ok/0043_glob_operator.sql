select file_name
from uploads
where file_name glob '*.csv'
  and file_name not glob 'tmp_*'

-- dialect: bigquery
select `my-project.dataset.table`.x, `col 1` from `my-project.dataset.table`;

UNPIVOT monthly_sales ON (jan, feb, mar) INTO NAME month VALUE sales

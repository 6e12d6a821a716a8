select $ from t; select $, 1;

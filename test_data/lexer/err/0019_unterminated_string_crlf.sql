select 'abc
from t;

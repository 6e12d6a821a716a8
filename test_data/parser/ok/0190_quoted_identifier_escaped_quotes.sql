select
    "weird ""name""" as weird_name,
    "a""b".c
from "a""b"

select
    matrix[1][2] as cell,
    matrix[i][j] as dynamic_cell,
    nested[1][2:3] as slice_of_row
from grids

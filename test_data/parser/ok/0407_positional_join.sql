SELECT * FROM left_cols POSITIONAL JOIN right_cols

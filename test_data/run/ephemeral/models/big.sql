SELECT id, doubled FROM doubled WHERE doubled > 2

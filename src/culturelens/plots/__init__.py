"""Figures: one module per stage; each `plot_*` returns a Figure, `common` saves it."""

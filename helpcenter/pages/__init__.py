"""Rendering pages: placeholders and markers in guides, price tables, error pages,
the estimator form, diagrams, admonition titles and the escaping of every value.
"""

"""Reading the data: YAML catalogs, their validation and rules, the product values,
front matter and git dates. Everything here turns editors' input into checked values.
"""

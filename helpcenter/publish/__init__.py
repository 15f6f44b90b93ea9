"""What the site publishes beside its pages: JSON interfaces, errors.json and the lookup,
the Atom feed, Markdown twins, llms.txt, redirects and the record of published addresses.
"""

"""Build logic of the help center, free of MkDocs.

The hooks in ``hooks/`` adapt MkDocs events to these functions; everything here
can be called and tested with plain data.
"""

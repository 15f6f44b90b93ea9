"""The one exception type the build reports to editors."""


class ContentError(Exception):
    """A mistake in the content or the data, told in one line an editor can act on.

    The message names the file, the entry and the field where there is one, and
    says what is expected. Hooks turn it into a MkDocs ``PluginError``, which
    MkDocs prints without a traceback.
    """

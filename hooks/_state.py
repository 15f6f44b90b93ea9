"""State that belongs to one language's build, never shared with another's.

MkDocs loads each hook module once per process: a module-level dictionary would be shared
by every build the process runs (each ``mkdocs serve`` rebuild, and several languages built
in one process, as the tests do), and one build's events could see another's state.
A ``PerBuild`` keeps one state per configuration object instead; each build (and each
``mkdocs serve`` rebuild) has its own configuration, and its state goes with it.
"""

from __future__ import annotations

import weakref

from helpcenter.problems import ContentError


class PerBuild:
    def __init__(self, hook: str):
        self.hook = hook
        self._states: dict[int, dict] = {}

    def start(self, config, **values) -> dict:
        """A new state for the build of ``config``, holding ``values``."""
        key = id(config)
        self._states[key] = dict(values)
        weakref.finalize(config, self._states.pop, key, None)
        return self._states[key]

    def states(self) -> list[dict]:
        """Every build's state still alive, for events that are not told their build
        (``on_build_error``)."""
        return list(self._states.values())

    def of(self, config) -> dict:
        """The state of the build of ``config``."""
        try:
            return self._states[id(config)]
        except KeyError:
            raise ContentError(
                f"{self.hook}: no state for the build of {config.config_file_path} "
                "(its on_config did not run)"
            ) from None

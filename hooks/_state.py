"""State that belongs to one language's build, never shared with another's.

MkDocs loads each hook module once per process: a module-level dictionary would be shared
by every build the process runs (each ``mkdocs serve`` rebuild, and several languages built
in one process, as the tests do), and one build's events could see another's state.
A ``PerBuild`` keeps one state per configuration object instead; each build (and each
``mkdocs serve`` rebuild) has its own configuration, and its state goes with it (a build
that fails leaves nothing behind once its configuration is gone).

A hook's state is one typed object (a dataclass of the hook's own), created in its
``on_config`` and handed to the functions that need it; ``PerBuild[State]`` says which.
"""

from __future__ import annotations

import weakref
from typing import Any, Generic, TypeVar

from helpcenter.problems import ContentError

State = TypeVar("State")


class PerBuild(Generic[State]):
    def __init__(self, hook: str):
        self.hook = hook
        self._states: dict[int, Any] = {}

    def start(self, config, state: State, /) -> State:
        """The new state of the build of ``config``."""
        key = id(config)
        self._states[key] = state
        weakref.finalize(config, self._states.pop, key, None)
        return self._states[key]

    def end(self, config) -> State:
        """The state of the build of ``config``, forgotten (its last event)."""
        state = self.of(config)
        del self._states[id(config)]
        return state

    def states(self) -> list[State]:
        """Every build's state still alive, for events that are not told their build
        (``on_build_error``)."""
        return list(self._states.values())

    def of(self, config) -> State:
        """The state of the build of ``config``."""
        try:
            return self._states[id(config)]
        except KeyError:
            raise ContentError(
                f"{self.hook}: no state for the build of {config.config_file_path} "
                "(its on_config did not run)"
            ) from None

"""A scripted user for tests: answers the questions it was told to, fails on any other.

Installed for every test (tests/conftest.py), so a question nobody expected fails the test at
once instead of opening a dialog that waits forever offscreen.
"""

from ictdesk.gui.interaction import Interaction


class UnexpectedQuestion(AssertionError):
    """The code under test asked the user something the test did not expect."""


class ScriptedAsker(Interaction):
    """``answers[name]``: the answer to question ``name`` (a value, or a function called with
    the question's arguments); ``asked`` records every question as (name, args)."""

    def __init__(self):
        self.answers: dict[str, object] = {}
        self.asked: list[tuple[str, tuple]] = []

    def _answer(self, name: str, *args):
        self.asked.append((name, args))
        if name not in self.answers:
            raise UnexpectedQuestion(f"unexpected question {name}{args!r}")
        answer = self.answers[name]
        return answer(*args) if callable(answer) else answer


def _question(name):
    def ask(self, *args, **kwargs):
        return self._answer(name, *args, *kwargs.values())

    ask.__name__ = name
    return ask


for _name, _value in list(vars(Interaction).items()):
    if callable(_value) and not _name.startswith("_"):
        setattr(ScriptedAsker, _name, _question(_name))

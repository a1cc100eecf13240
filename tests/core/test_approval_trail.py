"""The trail of approvals: the steps of the year's current pass through the cycle, or of the pass that
ended in its last publication."""

from datetime import datetime

from kinerja.core.workflow import State, Step, current_pass


def steps(*moves: tuple[str, str]) -> list[Step]:
    return [Step(state=State(state), at=datetime(2017, 2, day), who=who, label=state) for day, (state, who) in
            enumerate(moves, start=1)]  # fmt: skip


def trail(found: list[Step]) -> list[tuple[str, str]]:
    return [(step.state.value, step.who) for step in found]


def test_a_straight_pass_is_all_of_it():
    found = current_pass(
        steps(("submitted", "ani"), ("verified", "citra"), ("approved", "dedi"), ("published", "citra"))
    )
    assert trail(found) == [("submitted", "ani"), ("verified", "citra"), ("approved", "dedi"), ("published", "citra")]


def test_a_returned_year_starts_again_at_its_next_submission():
    moves = steps(("submitted", "ani"), ("returned", "citra"), ("submitted", "ani"), ("verified", "eka"))
    assert trail(current_pass(moves)) == [("submitted", "ani"), ("verified", "eka")]
    assert current_pass(moves[:2]) == []  # just returned: nothing of the pass stands


def test_a_reopened_year_has_no_current_pass_but_the_public_keeps_the_published_one():
    moves = steps(("submitted", "ani"), ("verified", "citra"), ("approved", "dedi"), ("published", "citra"),
                  ("draft", "eka"), ("submitted", "ani"))  # fmt: skip
    assert trail(current_pass(moves)) == [("submitted", "ani")]
    published = current_pass(moves, as_published=True)
    assert trail(published) == [
        ("submitted", "ani"),
        ("verified", "citra"),
        ("approved", "dedi"),
        ("published", "citra"),
    ]
    assert published[0].at == datetime(2017, 2, 1)  # the first submission, not the one after reopening


def test_never_published_has_no_published_pass():
    assert current_pass(steps(("submitted", "ani")), as_published=True) == []

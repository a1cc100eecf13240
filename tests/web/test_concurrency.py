"""Two people saving the same figure, note and setting at the same moment, in two real threads.

On PostgreSQL (as .ci/run starts it) the year's row lock is real: one save wins, the other waits,
then is refused and told the winner's value; nothing is lost. On SQLite the writes are serialised by
the database itself and the same must hold."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from kinerja.core import year as core
from kinerja.core.workflow import Refused
from kinerja.web.performance import store
from kinerja.web.performance.models import Agency, AuditEvent, Membership, Region
from tests.web.conftest import make_user
from tests.web.helpers import add_indicator

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared_year(transactional_db):
    if connection.vendor != "postgresql":
        # the test database of SQLite lives in memory, shared by threads with table locks: not a model of
        # the real file database; .ci/run runs this on PostgreSQL 15, where row locks are real
        pytest.skip("needs PostgreSQL (DATABASE_URL); .ci/run runs it there")
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    first = make_user("satu", Membership.Role.OPERATOR, agency)
    second = make_user("dua", Membership.Role.OPERATOR, agency)
    year, _ = store.open_year(first, agency, 2030)
    indicator = add_indicator(user=first, agency_year=year, name="Koperasi aktif", unit="unit", target=10)
    return year, indicator, first, second


def race(year, people, changes_for):
    """Both people apply their changes at once; returns what each got (count or the refusal)."""
    barrier = threading.Barrier(2)
    results = {}

    def work(name, user):
        try:
            barrier.wait(timeout=10)
            results[name] = store.apply(user, year, changes_for(name), origin="form").count
        except Refused as exc:
            results[name] = exc
        except Exception as exc:  # anything else is a failure the assertion shows
            results[name] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(name, user)) for name, user in people.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("what", ["figure", "note", "setting"])
def test_one_wins_the_other_is_refused_and_shown_the_winner(shared_year, what):
    year, indicator, first, second = shared_year
    line = store.load(year).line(indicator.pk)
    wanted = {"satu": ("15", "Catatan satu", "lower"), "dua": ("20", "Catatan dua", "lower")}

    def changes_for(name):
        figure, note, direction = wanted[name]
        if what == "figure":
            return [core.SetFigure(indicator.pk, "target", Decimal(figure), seen_version=line.figure("target").version)]
        if what == "note":
            return [core.SetNote(indicator.pk, note, seen_version=line.note_version)]
        return [core.SetSetting(indicator.pk, "direction", direction, seen_version=line.settings_version)]

    results = race(year, {"satu": first, "dua": second}, changes_for)
    winners = [name for name, result in results.items() if result == 1]
    losers = [name for name, result in results.items() if isinstance(result, Refused)]
    assert len(winners) == 1 and len(losers) == 1, results
    winner, loser = winners[0], losers[0]
    stored = store.load(year).line(indicator.pk)
    if what == "figure":
        assert stored.figure("target").value == Decimal(wanted[winner][0])
        shown = core.show(Decimal(wanted[winner][0]))
    elif what == "note":
        assert stored.note == wanted[winner][1]
        shown = wanted[winner][1]
    else:
        shown = "lower"
        assert stored.direction.value == shown
    message = str(results[loser])
    assert f"menjadi {shown}" in message and "tidak disimpan" in message
    assert winner in message  # who changed it
    assert AuditEvent.objects.filter(indicator_id=indicator.pk, user__username=winner, action="update").count() == 1
    assert not AuditEvent.objects.filter(indicator_id=indicator.pk, user__username=loser, action="update").exists()

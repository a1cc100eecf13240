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


def at_once(actions: dict) -> dict:
    """Run each named action in its own thread, all released at the same moment; returns what each
    returned, or the refusal it met."""
    barrier = threading.Barrier(len(actions))
    results = {}

    def work(name, action):
        try:
            barrier.wait(timeout=10)
            results[name] = action()
        except Refused as exc:
            results[name] = exc
        except Exception as exc:  # anything else is a failure the assertion shows
            results[name] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=item) for item in actions.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def race(year, people, changes_for):
    """Both people apply their changes at once; returns what each got (count or the refusal)."""

    def saving(name, user):
        return lambda: store.apply(user, year, changes_for(name), origin="form").count

    return at_once({name: saving(name, user) for name, user in people.items()})


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


def test_two_corrections_of_one_rpjmd_indicator_at_once_one_wins_nothing_mixed(transactional_db):
    """Bappeda staff correct the same IKU from pages opened at the same time: the row lock makes the second
    wait, then its fingerprint no longer matches and it is refused; the IKU holds one person's figures."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL); .ci/run runs it there")
    from kinerja.web.performance import rpjmd
    from kinerja.web.performance.models import Rpjmd, RpjmdIndicator

    region = Region.objects.create(name="Kabupaten Uji")
    people = {name: make_user(name, Membership.Role.REVIEWER, region=region) for name in ("satu", "dua")}
    plan = Rpjmd.objects.create(region=region, start_year=2026, end_year=2030)
    sasaran = plan.tujuan.create(name="Tujuan").sasaran.create(name="Sasaran")
    indicator = rpjmd.add_indicator(people["satu"], sasaran, name="Koperasi aktif", unit="%", baseline="50",
                                    end_target="70", targets={2026: "52"})  # fmt: skip
    seen = rpjmd.fingerprint(RpjmdIndicator.objects.get(pk=indicator.pk))
    wanted = {"satu": ("55", "75"), "dua": ("60", "80")}

    def correcting(name):
        def action():
            target, end = wanted[name]
            current = RpjmdIndicator.objects.select_related("sasaran__tujuan__rpjmd__region").get(pk=indicator.pk)
            return rpjmd.edit_indicator(
                people[name], current, seen=seen, name="Koperasi aktif", unit="%", baseline="50", end_target=end,
                targets={2026: target},
            )  # fmt: skip

        return action

    results = at_once({name: correcting(name) for name in wanted})
    winners = [name for name, result in results.items() if result == 2]  # the 2026 target and the end target
    losers = [name for name, result in results.items() if isinstance(result, Refused)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "sudah diubah pengguna lain" in str(results[losers[0]])
    kept = RpjmdIndicator.objects.get(pk=indicator.pk)
    target, end = wanted[winners[0]]
    assert (kept.targets.get(year=2026).value, kept.end_target) == (Decimal(target), Decimal(end))
    assert AuditEvent.objects.filter(region=region, action="update").count() == 1


def test_a_link_confirmed_and_rejected_at_once_is_decided_once(transactional_db):
    """Two operators of one agency act on the same link suggestion at the same moment, one merging and
    one keeping apart: the suggestion's row lock makes the second wait, then find it decided."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL); .ci/run runs it there")
    from kinerja.web.performance import links
    from kinerja.web.performance.models import Indicator, LinkSuggestion, Target

    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    people = {name: make_user(name, Membership.Role.OPERATOR, agency) for name in ("satu", "dua")}
    first, _ = store.open_year(people["satu"], agency, 2030)
    keep = add_indicator(user=people["satu"], agency_year=first, name="Jumlah koperasi aktif", unit="unit")
    second, _ = store.open_year(people["satu"], agency, 2031)
    store.apply(people["satu"], second, [core.RemoveLine(keep.pk)], origin="form")
    merge = add_indicator(user=people["satu"], agency_year=second, name="Jumlah koperasi yang aktif", unit="unit")
    suggestion = LinkSuggestion.objects.create(indicator=merge, candidate=keep, score=95)

    def confirm():
        return links.confirm_link(LinkSuggestion.objects.get(pk=suggestion.pk), people["satu"]).pk

    def reject():
        links.reject_link(LinkSuggestion.objects.get(pk=suggestion.pk), people["dua"])
        return "rejected"

    results = at_once({"satu": confirm, "dua": reject})
    refused = [name for name, result in results.items() if isinstance(result, Refused)]
    assert len(refused) == 1 and "sudah diputuskan" in str(results[refused[0]]), results
    if refused == ["dua"]:  # merged: one indicator with both years
        assert not Indicator.objects.filter(pk=merge.pk).exists()
        assert sorted(Target.objects.filter(indicator=keep).values_list("year", flat=True)) == [2030, 2031]
    else:  # kept apart: both stay, the suggestion rejected
        assert LinkSuggestion.objects.get(pk=suggestion.pk).status == "rejected"
        assert Indicator.objects.filter(pk=merge.pk).exists()
    assert AuditEvent.objects.filter(origin="link").count() == 1  # the merge of 2031, or the rejection


def test_two_evaluators_starting_one_lke_sheet_at_once_one_wins(transactional_db):
    """Two Inspektorat reviewers save the same year's sheet, never saved before, from pages opened at the same
    time (version 0): one evaluation row is made, one save wins, the other waits on its lock and is refused;
    the sheet holds one person's scores, never a mix."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL); .ci/run runs it there")
    from kinerja.web.performance import evaluation
    from kinerja.web.performance.models import Evaluation

    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    people = {name: make_user(name, Membership.Role.REVIEWER, region=region) for name in ("satu", "dua")}
    shares = {"satu": "80", "dua": "60"}

    def saving(name):
        parts = ("perencanaan", "pengukuran", "pelaporan", "evaluasi", "capaian")
        data = {"version": "0", **{f"s_{part}.nilai": shares[name] for part in parts}}
        return lambda: evaluation.save(people[name], agency, 2016, data)

    results = at_once({name: saving(name) for name in shares})
    winners = [name for name, result in results.items() if result == 5]
    losers = [name for name, result in results.items() if isinstance(result, Refused)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "telah diubah oleh pengguna lain" in str(results[losers[0]])
    (kept,) = Evaluation.objects.filter(agency=agency, year=2016)
    assert set(kept.scores.values()) == {shares[winners[0]]} and kept.version == 1


def test_two_people_writing_the_lkjip_text_at_once_one_wins_nothing_mixed(transactional_db):
    """An operator and an admin save the year's LKjIP text, never saved before, from pages opened at the same time
    (version 0): one text row is made, one save wins, the other waits on the year's lock and is refused with
    its words unsaved; the text is one person's, never a mix, and the audit holds one save."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL); .ci/run runs it there")
    from kinerja.web.performance import lkjip
    from kinerja.web.performance.models import LkjipText

    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    people = {
        "satu": make_user("satu", Membership.Role.OPERATOR, agency),
        "dua": make_user("dua", Membership.Role.ADMIN, region=region),
    }
    year, _ = store.open_year(people["satu"], agency, 2030)
    words = {"satu": "Tugas menurut operator.", "dua": "Tugas menurut admin."}

    def saving(name):
        data = {"duties": words[name], "closing": f"Penutup {name}."}
        return lambda: lkjip.save(people[name], year, data, sasaran=[], seen_version=0)

    results = at_once({name: saving(name) for name in words})
    winners = [name for name, result in results.items() if result == 1]
    losers = [name for name, result in results.items() if isinstance(result, Refused)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "telah diubah oleh" in str(results[losers[0]])
    (kept,) = LkjipText.objects.filter(agency_year=year)
    assert (kept.duties, kept.closing, kept.version) == (words[winners[0]], f"Penutup {winners[0]}.", 1)
    assert AuditEvent.objects.filter(origin="lkjip").count() == 1

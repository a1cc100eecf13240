"""The national standard of an indicator (LKjIP Bab III A.4, 'realisasi dibandingkan dengan standar
nasional'): kept with the indicator's information, carried into the next year and the published version,
and compared with the realisation in the indicator's direction."""

from decimal import Decimal

import pytest

from kinerja.core import snapshot
from kinerja.core import year as core
from kinerja.core.achievement import meets_standard
from kinerja.core.model import Direction
from kinerja.core.values import EMPTY, stored_value
from kinerja.core.workflow import Refused


def realised(text: str):
    return stored_value(Decimal(text), "", "%")


@pytest.mark.parametrize(
    "realisasi, standard, direction, meets",
    [
        ("92.5", "90", Direction.HIGHER, True),  # 92,5 ≥ 90
        ("90", "90", Direction.HIGHER, True),  # exactly the standard meets it
        ("89.99", "90", Direction.HIGHER, False),
        ("12", "15", Direction.LOWER, True),  # a rate of deaths: 12 ≤ 15
        ("15", "15", Direction.LOWER, True),
        ("15.01", "15", Direction.LOWER, False),
    ],
)
def test_the_realisation_meets_the_standard_in_the_indicators_direction(realisasi, standard, direction, meets):
    assert meets_standard(realised(realisasi), Decimal(standard), direction) is meets


def test_without_a_standard_or_a_single_figure_there_is_nothing_to_compare():
    assert meets_standard(realised("92.5"), None, Direction.HIGHER) is None
    assert meets_standard(EMPTY, Decimal(90), Direction.HIGHER) is None


def year_with_one_line(**line):
    return core.Year(
        agency_id=1,
        year=2020,
        lines=(core.Line(indicator_id=7, name="Persentase balita gizi baik", unit="%", sasaran="S", **line),),
    )


def test_the_standard_is_kept_as_the_indicators_information_and_audited():
    year = year_with_one_line()
    after = year.changed(
        [
            core.SetInfo(7, "standard", Decimal("90"), seen_version=0),
            core.SetInfo(7, "standard_source", "SPM bidang kesehatan (Permenkes 4/2019)", seen_version=0),
        ]
    )
    line = after.line(7)
    assert (line.standard, line.standard_source) == (Decimal(90), "SPM bidang kesehatan (Permenkes 4/2019)")
    differences = {d.field: (d.before, d.after) for d in core.diff(year, after)}
    assert differences["standard"] == (None, Decimal(90))
    assert differences["standard_source"] == ("", "SPM bidang kesehatan (Permenkes 4/2019)")
    assert core.LABELS["standard"] == "standar nasional"
    # the next year starts with the same standard; a removed one is None again
    assert line.for_next_year().standard == Decimal(90)
    assert after.changed([core.SetInfo(7, "standard", None)]).line(7).standard is None


@pytest.mark.parametrize(
    "value, said",
    [
        ("90", "harus berupa satu angka"),  # text, not a figure read by the form
        (Decimal("1E+30"), "terlalu panjang"),
        (Decimal("Infinity"), "bukan angka yang terhingga"),
    ],
)
def test_a_standard_that_is_not_one_figure_is_refused(value, said):
    with pytest.raises(Refused, match=said):
        year_with_one_line().changed([core.SetInfo(7, "standard", value)])
    new = core.Line(indicator_id=None, ref="x", name="Baru", unit="%", sasaran="S", standard=value)
    with pytest.raises(Refused, match=said):
        year_with_one_line().changed([core.AddLine(new)])


def test_the_source_of_the_standard_has_a_length_limit():
    with pytest.raises(Refused):
        year_with_one_line().changed([core.SetInfo(7, "standard_source", "x" * 301)])


def test_the_published_version_keeps_the_standard_and_older_versions_have_none():
    year = year_with_one_line(standard=Decimal("90.5"), standard_source="SPM")
    line = snapshot.load(snapshot.dump(year)).line(7)
    assert (line.standard, line.standard_source) == (Decimal("90.5"), "SPM")
    older = snapshot.dump(year)
    for kept in older["lines"]:
        del kept["standard"], kept["standard_source"]  # published before standards were kept
    line = snapshot.load(older).line(7)
    assert (line.standard, line.standard_source) == (None, "")

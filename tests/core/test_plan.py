"""The Renstra end-target check, with the sample's own case."""

from decimal import Decimal as D

from kinerja.core.model import Cumulation, Direction
from kinerja.core.plan import end_target_problem


def test_a_level_end_target_already_passed_is_flagged():
    # the Banjar LKjIP: "Jumlah anggota koperasi" end target 19.518 against the 2016 realisation 26.847
    message = end_target_problem(
        name="Jumlah anggota koperasi", end_target=D(19518), cumulation=Cumulation.LAST, direction=Direction.HIGHER,
        realised={2014: D(18100), 2015: D(19200), 2016: D(26847)},
    )  # fmt: skip
    assert message.code == "renstra_end_below_realised"
    assert "19.518" in message.message and "realisasi 2016 26.847" in message.message


def test_flows_lower_is_better_and_unreached_targets():
    flow = end_target_problem(name="Jumlah koperasi dibina", end_target=D(500), cumulation=Cumulation.SUM,
                              direction=Direction.HIGHER, realised={2016: D(620)})  # fmt: skip
    assert flow is None  # a total over the plan: one year's figure is not compared with it
    assert end_target_problem(name="Angka kredit macet", end_target=D(5), cumulation=Cumulation.LAST,
                              direction=Direction.LOWER, realised={2015: D("4.2")}) is not None  # fmt: skip
    assert end_target_problem(name="Persentase koperasi aktif", end_target=D(70), cumulation=Cumulation.LAST,
                              direction=Direction.HIGHER, realised={2016: D("62.87"), 2015: None}) is None  # fmt: skip

import pytest

from kinerja.core.names import PROBABLE, SURE, link_names, normalize_name, similarity


@pytest.mark.parametrize(
    "a, b",
    [
        ("Prosentase koperasi aktif", "Persentase koperasi aktif"),
        ("Prosentasi koperasi yang melaksanakan RAT", "Persentase koperasi yang melaksanakan RAT"),
        ("Lancarnya koordinasi, pembinaan berupa rapat", "Lancarnya koordinasi pembinaan berupa rapat"),
    ],
)
def test_spelling_variants_normalise_to_the_same_name(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_typos_are_sure_links():
    stem = "Jumlah PNS yang tidak terkena hukuman pelanggaran disiplin aparatur dan atau pelanggaran"
    assert similarity(f"{stem} hokum terhadap total PNS", f"{stem} hukum terhadap total PNS") >= SURE


def test_different_indicators_are_not_linked():
    assert similarity("Jumlah omzet koperasi", "Jumlah anggota koperasi") < PROBABLE
    assert similarity("Jumlah Usaha Mikro", "Jumlah Usaha Mikro yang aktif") < PROBABLE


def test_same_name_twice_links_by_unit():
    left = [("Terpeliharanya sarana", "buah")]
    right = [("Terpeliharanya sarana", "%"), ("Terpeliharanya sarana", "buah")]
    (link,) = link_names(left, right)
    assert link.right == 1 and link.sure

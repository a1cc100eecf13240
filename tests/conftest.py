from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "kinerja" / "samples" / "banjar-2013-2016.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE

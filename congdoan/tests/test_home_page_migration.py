"""An existing site keeps its home page when HomePage moves from news to core."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("home_page_from_news.py")


def test_news_home_page_becomes_the_core_home_page():
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as folder:
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, str(SCRIPT), str(Path(folder) / "site.sqlite3")],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert "core.0003_vietnamese_workflow_names" in report["applied_before"]
    assert "core.0004_home_page" not in report["applied_before"]
    assert "news.0005_article_body_blocks_from_apps" in report["applied_before"]
    assert report["specific_class"] == "core.HomePage"
    assert report["title"] == "Trang chủ cũ"
    assert report["home_types"] == ["core"]
    assert report["status"] == 200
